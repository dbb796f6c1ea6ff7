from setuptools import find_packages, setup

from nmirf_app import __version__ as version

setup(
	name="nmirf_app",
	version=version,
	description="National Mechanism for Implementation, Reporting and Follow-up of human rights recommendations",
	author="nmirf_app developers",
	author_email="nmirf@example.org",
	packages=find_packages(exclude=("tests", "tests.*")),
	zip_safe=False,
	include_package_data=True,
	install_requires=["requests", "openpyxl", "python-docx", "filetype", "pypdf", "scikit-learn"],
	python_requires=">=3.10",
)
