import sys
from pathlib import Path

# Framework-free tests import nmirf_app.core straight from the checkout, with or without a bench.
REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
	sys.path.insert(0, str(REPO_ROOT))
