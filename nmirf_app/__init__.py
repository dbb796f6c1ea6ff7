# in step with the latest patches' folder (nmirf_app/patches/v0_8)
__version__ = "0.8.0"
