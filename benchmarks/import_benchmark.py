"""How fast, and in how much memory, recommendations are imported: the nmirf importer from UHRI XLSX
and JSON exports, a re-import of an unchanged export, and Frappe's own Data Import of the same
records as CSV. Prints a table per file size.

	python3 benchmarks/import_benchmark.py [--rows 5000 50000] [--site nmirf-import.localhost] [--fresh]

Runs every bench command as the bench's owner, on a site of its own (created when missing,
recreated with --fresh) whose NMIRF State is set to --state; each timed run starts from an empty
set of recommendations. Times are wall-clock seconds of the whole command (process start-up
included); peak memory is the largest resident set of the command's processes, also shown above what a
bare bench command on the site holds (Frappe's own share, the same for every import). Generating the
files is not timed. See README.md, "Benchmarks".
"""

import argparse
import hashlib
import json
import os
import platform
import pstats
import pwd
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import uhri_samples

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HELPER = HERE / "site_helper.py"
# What an import runs through, relative to the app package: measured figures describe these files.
IMPORT_CODE = (
	"commands.py",
	"recommendations/importer.py",
	"recommendations/doctype/recommendation/recommendation.py",
	"core/uhri_format.py",
	"core/recommendation_import.py",
	"core/references.py",
	"core/countries.py",
	"core/vocabulary.py",
	"core/upr_text.py",
	"core/spreadsheet.py",
)


@dataclass
class Run:
	source: str
	rows: int
	seconds: float = 0.0
	peak_mb: float = 0.0
	created: int = 0
	unchanged: int = 0
	skipped: int = 0
	failed: int = 0
	ok: bool = True
	load_before: float = 0.0  # 1-minute load average when the run started
	log: str = ""
	notes: list[str] = field(default_factory=list)

	@property
	def rows_per_second(self) -> float:
		return self.rows / self.seconds if self.seconds else 0.0


class Bench:
	"""Runs commands in the bench as its owner (bench refuses to run as root)."""

	def __init__(self, path: Path, site: str):
		self.path = path
		self.site = site
		self.owner = pwd.getpwuid(path.stat().st_uid).pw_name
		self.python = path / "env" / "bin" / "python"

	def shell(self, command: str, cwd: Path | None = None) -> list[str]:
		"""argv running `command` in a login shell of the owner (so that `bench` is on PATH)."""
		script = f"cd {shlex.quote(str(cwd or self.path))} && {command}"
		if pwd.getpwuid(os.geteuid()).pw_name == self.owner:
			return ["bash", "-lc", script]
		return ["runuser", "-u", self.owner, "--", "bash", "-lc", script]

	def bench(self, *args: str) -> list[str]:
		return self.shell(shlex.join(["bench", *args]))

	def site_command(self, *args: str, profile: Path | None = None) -> list[str]:
		"""`bench --site SITE …`; under cProfile the same command through Frappe's bench_helper."""
		if profile is None:
			return self.bench("--site", self.site, *args)
		return self.shell(
			shlex.join(
				[
					*(str(self.python), "-m", "cProfile", "-o", str(profile)),
					*("-m", "frappe.utils.bench_helper", "frappe", "--site", self.site, *args),
				]
			),
			cwd=self.path / "sites",
		)

	def helper(self, *args: str, profile: Path | None = None) -> list[str]:
		"""site_helper.py with the bench's Python, from the sites folder as Frappe expects."""
		python = [str(self.python)] + (["-m", "cProfile", "-o", str(profile)] if profile else [])
		return self.shell(shlex.join([*python, str(HELPER), *args]), cwd=self.path / "sites")

	def helper_json(self, *args: str) -> dict:
		result = subprocess.run(self.helper(*args), capture_output=True, text=True)
		if result.returncode != 0:
			raise SystemExit(f"site_helper {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
		return last_json(result.stdout)


def last_json(output: str) -> dict:
	for line in reversed(output.splitlines()):
		line = line.strip()
		if line.startswith("{") and line.endswith("}"):
			try:
				return json.loads(line)
			except ValueError:
				continue
	return {}


def measure(command: list[str], log_path: Path) -> tuple[float, float, int]:
	"""(wall seconds, peak RSS in MB of the command and its descendants, exit code)."""
	with open(log_path, "wb") as log:
		started = time.perf_counter()
		process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
		# wait4's rusage covers the child and every descendant it waited for: ru_maxrss is the
		# largest of them (the Python process), in kilobytes on Linux.
		_pid, status, usage = os.wait4(process.pid, 0)
		seconds = time.perf_counter() - started
	process.returncode = os.waitstatus_to_exitcode(status)
	return seconds, usage.ru_maxrss / 1024, process.returncode


def tree_digest(root: Path) -> dict[str, str]:
	digests = {}
	for path in sorted(root.rglob("*")):
		if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
			digests[str(path.relative_to(root))] = hashlib.sha1(path.read_bytes()).hexdigest()
	return digests


def describe_installed_app(bench: Bench) -> list[str]:
	info = bench.helper_json("info")
	installed = Path(info["nmirf_app_path"])
	lines = [
		f"bench {bench.path} (owner {bench.owner}), Frappe {info['frappe_version']}, Python {info['python']}",
		f"nmirf_app imported by the bench from {installed}",
	]
	checkout = REPO / "nmirf_app"
	if installed.resolve() == checkout.resolve():
		lines.append("  = this checkout")
	else:
		mine, theirs = tree_digest(checkout), tree_digest(installed)
		differing = sorted(name for name in mine.keys() | theirs.keys() if mine.get(name) != theirs.get(name))
		python_differing = [name for name in differing if name.endswith(".py")]
		if not differing:
			lines.append(f"  a copy of this checkout ({checkout}): identical")
		else:
			lines.append(
				f"  NOT this checkout: {len(differing)} file(s) differ from {checkout}"
				f" ({len(python_differing)} Python): {', '.join(differing[:8])}"
				+ (" …" if len(differing) > 8 else "")
			)
			import_differing = [name for name in IMPORT_CODE if name in differing]
			lines.append(
				f"  import code differs from this checkout: {', '.join(import_differing)}"
				if import_differing
				else f"  import code ({', '.join(IMPORT_CODE)}) identical to this checkout"
			)
	return lines


def ensure_site(bench: Bench, fresh: bool, db_root_password: str, state: str) -> None:
	site_dir = bench.path / "sites" / bench.site
	if fresh and site_dir.exists():
		print(f"dropping {bench.site} (--fresh)", flush=True)
		subprocess.run(
			bench.bench(
				"drop-site", bench.site, "--force", "--no-backup", "--db-root-password", db_root_password
			),
			check=True,
			stdout=subprocess.DEVNULL,
		)
	if not site_dir.exists():
		print(f"creating {bench.site} with nmirf_app (a few minutes)", flush=True)
		subprocess.run(
			bench.bench(
				"new-site",
				bench.site,
				"--install-app",
				"nmirf_app",
				"--db-root-password",
				db_root_password,
				"--admin-password",
				"admin",
			),
			check=True,
			stdout=subprocess.DEVNULL,
		)
	bench.helper_json("prepare", "--site", bench.site, "--state", state)


def run_nmirf_import(bench: Bench, samples, source: str, label: str, logs: Path, profile: bool) -> Run:
	path = samples.xlsx if source == "uhri-xlsx" else samples.json
	run = Run(label, samples.rows, load_before=os.getloadavg()[0])
	log = logs / f"{samples.rows}-{label.replace(' ', '-').replace(',', '')}.log"
	profile_path = log.with_suffix(".prof") if profile else None
	command = bench.site_command("nmirf", "import", str(path), "--source", source, profile=profile_path)
	run.seconds, run.peak_mb, returncode = measure(command, log)
	run.log = str(log)
	summary = last_json(log.read_text(errors="replace"))
	if returncode != 0 or "read" not in summary:
		run.ok = False
		run.notes.append(f"exit code {returncode}; see {log}")
		return run
	run.rows = summary["read"]
	run.created, run.unchanged, run.failed = summary["created"], summary["unchanged"], summary["failed"]
	run.skipped = run.rows - run.created - run.unchanged - summary["updated"] - run.failed
	if summary["updated"]:
		run.notes.append(f"{summary['updated']} updated")
	return run


def run_data_import(bench: Bench, samples, logs: Path, profile: bool) -> Run:
	run = Run("Frappe Data Import, CSV", samples.rows, load_before=os.getloadavg()[0])
	log = logs / f"{samples.rows}-frappe-data-import.log"
	profile_path = log.with_suffix(".prof") if profile else None
	command = bench.helper(
		"data-import", "--site", bench.site, "--file", str(samples.csv), profile=profile_path
	)
	run.seconds, run.peak_mb, returncode = measure(command, log)
	run.log = str(log)
	result = last_json(log.read_text(errors="replace"))
	if returncode != 0 or "created" not in result:
		run.ok = False
		run.notes.append(f"exit code {returncode}; see {log}")
		return run
	run.created, run.failed = result["created"], result["failed"]
	run.notes.append(
		f"status {result['status']}; {samples.csv_lines:,} CSV lines, {result['file_mb']} MB; phases (s): "
		+ ", ".join(f"{name} {seconds}" for name, seconds in result["phases"].items())
	)
	if result.get("raised_upload_limit_mb"):
		run.notes.append(
			f"the CSV is over Frappe's {result['raised_upload_limit_mb']} MB upload limit: "
			"System Settings > Max File Size was raised first"
		)
	for reason, count in result["failure_reasons"].items():
		run.notes.append(f"{count} failed: {reason}")
	for warning in result["blocking_warnings"]:
		run.notes.append(f"Data Import refused to start: {warning}")
	return run


def reset(bench: Bench) -> None:
	bench.helper_json("reset", "--site", bench.site)


def format_table(samples, runs: list[Run], baseline_mb: float) -> str:
	header = (
		f"{'source':<30} {'rows':>7} {'seconds':>8} {'rows/s':>8} {'peak MB':>8} {'above bare':>10} "
		f"{'created':>8} {'unchanged':>9} {'skipped':>8} {'failed':>7}"
	)
	lines = [
		f"N = {samples.rows:,} rows: {samples.own_state_rows:,} for the NMIRF's State, "
		f"{samples.rows - samples.own_state_rows:,} for other States",
		header,
		"-" * len(header),
	]
	for run in runs:
		if not run.ok:
			lines.append(f"{run.source:<30} {run.rows:>7,} {'FAILED':>8}  {'; '.join(run.notes)}")
			continue
		lines.append(
			f"{run.source:<30} {run.rows:>7,} {run.seconds:>8.1f} {run.rows_per_second:>8.1f} "
			f"{run.peak_mb:>8.0f} {run.peak_mb - baseline_mb:>10.0f} "
			f"{run.created:>8,} {run.unchanged:>9,} {run.skipped:>8,} {run.failed:>7,}"
		)
	notes = [
		f"  {run.source}: {note}"
		for run in runs
		for note in [f"load average {run.load_before:.1f} at start", *run.notes]
	]
	return "\n".join([*lines, *notes])


def print_profile(path: Path, limit: int = 20) -> None:
	if not path.exists():
		return
	print(f"\nprofile {path} (top {limit} by own time)")
	pstats.Stats(str(path), stream=sys.stdout).sort_stats("tottime").print_stats(limit)


def main() -> None:
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--rows", type=int, nargs="+", default=[5000, 50000], help="file sizes to measure")
	parser.add_argument(
		"--site",
		default="nmirf-import.localhost",
		help="a site for the benchmark alone (not the scale benchmark's: each run empties it)",
	)
	parser.add_argument("--fresh", action="store_true", help="drop and recreate the site first")
	parser.add_argument("--state", default="Paraguay", help="the NMIRF's State; most rows concern it")
	parser.add_argument(
		"--other-state-share", type=float, default=0.15, help="share of rows for other States"
	)
	parser.add_argument("--seed", type=int, default=2026)
	parser.add_argument(
		"--sources",
		nargs="+",
		choices=("xlsx", "reimport", "json", "data-import"),
		default=["xlsx", "reimport", "json", "data-import"],
		help="what to measure (reimport needs xlsx)",
	)
	parser.add_argument(
		"--data-dir", type=Path, default=Path("/tmp/nmirf-import-benchmark"), help="generated files and logs"
	)
	parser.add_argument("--profile", action="store_true", help="run each command under cProfile (slower)")
	parser.add_argument(
		"--db-root-password",
		default=os.environ.get("NMIRF_DB_ROOT_PASSWORD", "nmirf-root"),
		help="for new-site",
	)
	args = parser.parse_args()
	sys.path.insert(0, str(REPO))  # the generator reads the vocabularies the app ships (nmirf_app.core)

	bench = Bench(Path(os.environ.get("NMIRF_BENCH", "/srv/frappe-bench")), args.site)
	args.data_dir.mkdir(parents=True, exist_ok=True)
	if os.geteuid() == 0:  # the bench owner writes logs and profiles here
		owner = pwd.getpwnam(bench.owner)
		os.chown(args.data_dir, owner.pw_uid, owner.pw_gid)

	print(f"nmirf import benchmark, {datetime.now():%Y-%m-%d %H:%M}, {platform.node()}")
	print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
	for line in describe_installed_app(bench):
		print(line)
	ensure_site(bench, args.fresh, args.db_root_password, args.state)
	print(f"site {bench.site}, NMIRF State {args.state}; files and logs in {args.data_dir}", flush=True)
	# what any bench command on the site holds before it does anything: the share of a peak that
	# is Frappe's own, the same for every import below
	_seconds, baseline_mb, _code = measure(
		bench.site_command("execute", "frappe.ping"), args.data_dir / "ping.log"
	)
	# and what a command that saves one document holds: the modules Frappe loads for any save
	_seconds, one_save_mb, _code = measure(
		bench.helper("save-one", "--site", bench.site), args.data_dir / "save-one.log"
	)
	print(
		f"a bare bench command on the site (execute frappe.ping) peaks at {baseline_mb:.0f} MB; one that\n"
		f"saves one document (a ToDo, rolled back) at {one_save_mb:.0f} MB\n",
		flush=True,
	)

	results = {}
	for rows in args.rows:
		started = time.perf_counter()
		samples = uhri_samples.write_samples(
			rows, args.data_dir, state=args.state, other_state_share=args.other_state_share, seed=args.seed
		)
		print(
			f"{'reusing' if samples.reused else 'generated'} {rows:,} rows in "
			f"{time.perf_counter() - started:.0f} s: {samples.xlsx.name}, {samples.json.name}, {samples.csv.name}",
			flush=True,
		)
		runs: list[Run] = []
		# (name, source or None for Data Import, label); all but the re-import start from no recommendations
		plan = (
			("xlsx", "uhri-xlsx", "nmirf import, UHRI XLSX"),
			("reimport", "uhri-xlsx", "nmirf re-import, same XLSX"),
			("json", "uhri-json", "nmirf import, UHRI JSON"),
			("data-import", None, "Frappe Data Import, CSV"),
		)
		for name, source, label in plan:
			if name not in args.sources:
				continue
			if name != "reimport":
				reset(bench)
			print(f"  measuring {label} …", end=" ", flush=True)
			if source:
				run = run_nmirf_import(bench, samples, source, label, args.data_dir, args.profile)
			else:
				run = run_data_import(bench, samples, args.data_dir, args.profile)
			runs.append(run)
			print(f"{run.seconds:.0f} s" if run.ok else f"FAILED ({'; '.join(run.notes)})", flush=True)
			if args.profile:
				print_profile(Path(run.log).with_suffix(".prof"))
		reset(bench)
		table = format_table(samples, runs, baseline_mb)
		print("\n" + table + "\n", flush=True)
		results[rows] = [run.__dict__ | {"rows_per_second": run.rows_per_second} for run in runs]
	(args.data_dir / "results.json").write_text(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
	main()
