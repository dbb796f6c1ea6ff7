# Packaging is in pyproject.toml; bench reads the app's name from this file, by its `name=` line.
from setuptools import setup

setup(
	name="nmirf_app",
)
