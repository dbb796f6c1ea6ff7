"""A reporting deadline's afternoon on a production-like set-up: simulated focal points log in, open
My work, the recommendations list and their action's form, write a progress update with a small
evidence file and submit it; each institution's validator validates what arrives; the secretariat
approves and runs the main reports. Prints requests/s and the median, 95th and 99th percentile per
kind of request, and every error; afterwards checks that every update a simulated user created
exists exactly once in the state its last answer said, and that the Recommendation Tally equals a
fresh recount.

	python3 benchmarks/load_test.py [--site nmirf-load.localhost] [--focal-points 170]
	        [--institutions 70] [--rounds 2] [--concurrency 32] [--duration 600] [--faults]

With --faults, during the load: MariaDB and then Redis are restarted, then the long-queue worker
is killed in the middle of an import (the import must be recognised as interrupted and its re-run
must duplicate nothing); what users saw meanwhile is reported per fault.

It starts its own gunicorn (Frappe's production settings: 2 x CPUs + 1 workers, --preload,
--max-requests) and RQ workers as bench's supervisor configuration does (one each for the default,
short and long queues) on loopback, and stops them (by their own process groups) at the end; like
supervisor, it starts again a process that exits on its own, and says so.
The site is created with the app installed when missing; the people are made once (load_helper.py).
Everything talks to 127.0.0.1 only; the number of rounds and the time limit bound the run.
"""

import argparse
import contextlib
import json
import os
import pwd
import random
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
HELPER = HERE / "load_helper.py"
REPORTS = ("Implementation Status", "SDG Coverage", "Institution Scorecard")
WORKER_QUEUES = ("default", "short", "long")
FINISHED_IMPORT = ("Completed", "Completed with errors", "Failed")


class Stats:
	"""Latency per kind of request and every error, from all threads."""

	def __init__(self):
		self.lock = threading.Lock()
		self.seconds = defaultdict(list)
		self.errors = []
		self.started = self.last_answer = time.perf_counter()
		self.fault = None  # the fault under way, if any: errors are counted against it

	def record(self, kind: str, seconds: float, error: str | None = None):
		with self.lock:
			self.seconds[kind].append(seconds)
			self.last_answer = time.perf_counter()
			if error:
				self.errors.append((round(time.perf_counter() - self.started, 1), kind, self.fault, error))

	def table(self) -> str:
		# up to the last answer: the wait for the queued background jobs afterwards is no request
		elapsed = max(self.last_answer - self.started, 1e-9)
		total = sum(len(values) for values in self.seconds.values())
		header = f"{'request':<28} {'count':>6} {'median ms':>10} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>6}"
		lines = [
			f"{total} requests in {elapsed:.0f} s: {total / elapsed:.1f} requests/s",
			header,
			"-" * len(header),
		]
		errors_by_kind = defaultdict(int)
		for _at, kind, _fault, _error in self.errors:
			errors_by_kind[kind] += 1
		for kind in sorted(self.seconds):
			values = sorted(self.seconds[kind])
			lines.append(
				f"{kind:<28} {len(values):>6} {percentile(values, 50) * 1000:>10.0f} "
				f"{percentile(values, 95) * 1000:>8.0f} {percentile(values, 99) * 1000:>8.0f} "
				f"{values[-1] * 1000:>8.0f} {errors_by_kind[kind]:>6}"
			)
		return "\n".join(lines)


def percentile(values: list[float], share: float) -> float:
	if not values:
		return 0.0
	return values[min(len(values) - 1, round(share / 100 * (len(values) - 1)))]


class Client:
	"""One simulated person's browser session against the site (by its Host header)."""

	def __init__(self, base_url: str, site: str, stats: Stats, gate: threading.Semaphore, deadline: float):
		self.base_url, self.stats, self.gate, self.deadline = base_url, stats, gate, deadline
		self.session = requests.Session()
		self.session.headers.update({"Host": site, "Accept": "application/json"})

	def call(self, kind: str, method: str, path: str, retries: int = 0, **kwargs):
		"""The answer's JSON, or None after an error (recorded with its status and message). A person
		whose page failed tries again, `retries` times, as people do."""
		for attempt in range(retries + 1):
			if time.perf_counter() > self.deadline:
				return None
			with self.gate:
				started = time.perf_counter()
				try:
					response = self.session.request(method, self.base_url + path, timeout=120, **kwargs)
					error = None if response.ok else f"HTTP {response.status_code}: {message_of(response)}"
				except requests.RequestException as exception:
					response, error = None, f"{type(exception).__name__}: {str(exception)[:160]}"
				self.stats.record(kind, time.perf_counter() - started, error)
			if not error:
				return response.json() if response.content else {}
			if attempt < retries:
				time.sleep(2 + attempt * 3)
		return None

	def login(self, user: str, password: str) -> bool:
		return (
			self.call("login", "POST", "/api/method/login", retries=3, data={"usr": user, "pwd": password})
			is not None
		)

	def get_doc(self, doctype: str, name: str):
		answer = self.call(
			f"open {doctype}",
			"GET",
			"/api/method/frappe.desk.form.load.getdoc",
			retries=2,
			params={"doctype": doctype, "name": name},
		)
		return answer and answer.get("docs", [None])[0]

	def apply_workflow(self, doc: dict, action: str):
		answer = self.call(
			f"workflow: {action}",
			"POST",
			"/api/method/frappe.model.workflow.apply_workflow",
			data={"doc": json.dumps(doc), "action": action},
		)
		return answer and answer.get("message")

	def updates_in(self, state: str):
		answer = self.call(
			f"list updates {state}",
			"GET",
			"/api/resource/Progress Update",
			retries=2,
			params={
				"filters": json.dumps([["workflow_state", "=", state]]),
				"fields": json.dumps(["name", "summary"]),
				"limit_page_length": 50,
			},
		)
		return (answer or {}).get("data", [])


def message_of(response) -> str:
	try:
		body = response.json()
	except ValueError:
		return response.text[:160]
	for key in ("exception", "_server_messages", "message"):
		if body.get(key):
			return str(body[key])[:200]
	return str(body)[:160]


# ----------------------------------------------------------------------------------- the people


def focal_point(
	client: Client, person: dict, password: str, run: str, rounds: int, ledger: dict, evidence: bytes
):
	"""Writes and submits `rounds` progress updates on the institution's action. The ledger keeps,
	per update it meant to create, its name and the state its last answer gave."""
	if not client.login(person["user"], password):
		return
	number = person["user"].split("@")[0].rsplit("-", 1)[1]
	for round_number in range(rounds):
		client.call("my work", "GET", "/api/method/nmirf_app.recommendations.my_work.get_my_work", retries=2)
		client.call(
			"list recommendations",
			"GET",
			"/api/resource/Recommendation",
			retries=2,
			params={
				"fields": json.dumps(["name", "title", "implementation_status"]),
				"limit_page_length": 20,
			},
		)
		if not client.get_doc("Implementation Action", person["action"]):
			continue
		key = f"{number}-{round_number}"
		ledger[key] = {"name": None, "state": None}
		created = client.call(
			"save progress update",
			"POST",
			"/api/resource/Progress Update",
			json={
				"implementation_action": person["action"],
				"reported_status": "In progress",
				"progress_percent": random.randint(10, 90),
				"summary": f"<p>Deadline-day update {key}: {random.randint(2, 40)} districts reached. [run {run}/{key}]</p>",
			},
		)
		if not created:
			continue  # the person saw an error: the update may or may not exist, never twice
		doc = created["data"]
		ledger[key] = {"name": doc["name"], "state": doc.get("workflow_state")}
		uploaded = client.call(
			"upload evidence",
			"POST",
			"/api/method/upload_file",
			data={"doctype": "Progress Update", "docname": doc["name"], "is_private": 1},
			files={"file": (f"evidence-{key}.pdf", evidence, "application/pdf")},
		)
		if uploaded:
			saved = client.call(
				"save evidence",
				"PUT",
				f"/api/resource/Progress Update/{doc['name']}",
				json={
					"evidence": [
						{"evidence_file": uploaded["message"]["file_url"], "description": "Field report"}
					]
				},
			)
			doc = saved["data"] if saved else doc
		submitted = client.apply_workflow(doc, "Submit for validation")
		if submitted:
			ledger[key]["state"] = submitted["workflow_state"]
		time.sleep(random.uniform(0.2, 1.0))  # reading the answer


def reviewer(client: Client, user: str, password: str, state: str, action: str, run: str, ledger: dict, stop):
	"""Validates (or approves) every update of this run that reaches `state`, until told to stop."""
	if not client.login(user, password):
		return
	while not stop():
		for row in client.updates_in(state):
			if f"[run {run}/" not in (row.get("summary") or ""):
				continue
			doc = client.get_doc("Progress Update", row["name"])
			if not doc or doc.get("workflow_state") != state:
				continue
			moved = client.apply_workflow(doc, action)
			key = row["summary"].split(f"[run {run}/", 1)[1].split("]", 1)[0]
			if moved and key in ledger:
				ledger[key]["state"] = moved["workflow_state"]
		time.sleep(random.uniform(5.0, 15.0))  # a person looks again now and then


def secretariat(
	client: Client, user: str, password: str, run: str, ledger: dict, stop, share: tuple[int, int]
):
	"""Approves its share of the validated updates (the secretariat splits the institutions among
	its officers: `share` is (this officer, officers)) and runs the main reports between rounds."""
	if not client.login(user, password):
		return
	rounds = 0
	mine, officers = share
	while not stop():
		for row in client.updates_in("Validated"):
			if (
				f"[run {run}/" not in (row.get("summary") or "")
				or int(row["name"].rsplit("-", 1)[1]) % officers != mine
			):
				continue
			doc = client.get_doc("Progress Update", row["name"])
			if doc and doc.get("workflow_state") == "Validated":
				moved = client.apply_workflow(doc, "Approve")
				key = row["summary"].split(f"[run {run}/", 1)[1].split("]", 1)[0]
				if moved and key in ledger:
					ledger[key]["state"] = moved["workflow_state"]
		report = REPORTS[rounds % len(REPORTS)]
		client.call(
			f"report {report}",
			"GET",
			"/api/method/frappe.desk.query_report.run",
			params={"report_name": report, "filters": "{}"},
		)
		rounds += 1
		time.sleep(random.uniform(5.0, 15.0))  # a person looks again now and then


# ------------------------------------------------------------------------------------ the bench


class Bench:
	def __init__(self, path: Path, site: str):
		self.path, self.site = path, site
		self.owner = pwd.getpwuid(path.stat().st_uid).pw_name
		self.processes: dict[str, subprocess.Popen] = {}
		self.lock = threading.RLock()  # the supervisor and the faults start and stop the same processes
		self.restarts: list[tuple[float, str, int]] = []  # (when, process, its exit code)
		self.starts: dict[str, tuple[list[str], Path]] = {}  # how each process was started

	def as_owner(self, argv: list[str]) -> list[str]:
		if pwd.getpwuid(os.geteuid()).pw_name == self.owner:
			return argv
		return ["runuser", "-u", self.owner, "--", *argv]

	def helper(self, *args: str) -> dict:
		result = subprocess.run(
			self.as_owner([str(self.path / "env/bin/python"), str(HELPER), *args]),
			cwd=self.path / "sites",
			capture_output=True,
			text=True,
		)
		if result.returncode:
			raise SystemExit(
				f"load_helper {' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
			)
		return json.loads(result.stdout.strip().splitlines()[-1])

	def frappe_command(self, *args: str) -> list[str]:
		return self.as_owner(
			[str(self.path / "env/bin/python"), "-m", "frappe.utils.bench_helper", "frappe", *args]
		)

	def start(self, name: str, argv: list[str], log: Path):
		"""A process of the test's own, in its own process group (stopped by that group alone)."""
		with self.lock:
			self.processes[name] = subprocess.Popen(
				argv,
				cwd=self.path / "sites",
				stdout=open(log, "ab"),
				stderr=subprocess.STDOUT,
				start_new_session=True,
			)
			self.starts[name] = (argv, log)

	def stop(self, name: str, sig=signal.SIGTERM):
		with self.lock:
			process = self.processes.pop(name, None)
			if process and process.poll() is None:
				if sig == signal.SIGKILL:
					# RQ runs each job in a forked "work horse" in a session of its own: killed too
					for pid in descendants(process.pid):
						with contextlib.suppress(ProcessLookupError):
							os.kill(pid, signal.SIGKILL)
				os.killpg(process.pid, sig)
				try:
					process.wait(timeout=30)
				except subprocess.TimeoutExpired:
					os.killpg(process.pid, signal.SIGKILL)
					process.wait()

	def supervise(self, started: float, done: threading.Event):
		"""As supervisor does in Frappe's production set-up (autorestart): a process that exits on
		its own is started again, and the test says so."""
		while not done.wait(2):
			with self.lock:
				for name, process in list(self.processes.items()):
					if process.poll() is not None:
						self.restarts.append(
							(round(time.perf_counter() - started, 1), name, process.returncode)
						)
						self.start(name, *self.starts[name])

	def start_web(self, port: int, workers: int, logs: Path):
		self.start(
			"web",
			self.as_owner(
				[
					str(self.path / "env/bin/gunicorn"),
					*("-b", f"127.0.0.1:{port}", "-w", str(workers), "-t", "120"),
					*("--max-requests", "5000", "--max-requests-jitter", "500", "--preload"),
					"frappe.app:application",
				]
			),
			logs / "gunicorn.log",
		)

	def start_worker(self, queue: str, logs: Path):
		"""One RQ worker of bench's production set-up (bench setup supervisor): one each for the
		default, short and long queues."""
		self.start(f"{queue} worker", self.frappe_command("worker", "--queue", queue), logs / "worker.log")


def descendants(pid: int) -> list[int]:
	"""The processes started by `pid`, and by them, whatever session they moved to (from /proc)."""
	children: dict[int, list[int]] = defaultdict(list)
	for stat in Path("/proc").glob("[0-9]*/stat"):
		with contextlib.suppress(OSError, ValueError, IndexError):
			fields = stat.read_text().rsplit(")", 1)[1].split()
			children[int(fields[1])].append(int(stat.parent.name))
	found, pending = [], [pid]
	while pending:
		for child in children.get(pending.pop(), []):
			found.append(child)
			pending.append(child)
	return found


def wait_until_up(base_url: str, site: str, seconds: float = 90) -> float:
	started = time.perf_counter()
	while time.perf_counter() - started < seconds:
		try:
			if requests.get(base_url + "/api/method/ping", headers={"Host": site}, timeout=5).ok:
				return time.perf_counter() - started
		except requests.RequestException:
			pass
		time.sleep(0.5)
	raise SystemExit(f"the site did not answer on {base_url} within {seconds} s")


# ----------------------------------------------------------------------------------- the faults


def redis_servers(bench: Bench) -> list[tuple[str, int, Path]]:
	"""The bench's Redis servers: (name, pid, config file), their pids asked from each server."""
	servers = []
	for name in ("redis_cache", "redis_queue"):
		config = bench.path / "config" / f"{name}.conf"
		port = next(line.split()[1] for line in config.read_text().splitlines() if line.startswith("port "))
		info = subprocess.run(
			["redis-cli", "-p", port, "info", "server"], capture_output=True, text=True
		).stdout
		pid = int(next(line.split(":")[1] for line in info.splitlines() if line.startswith("process_id:")))
		servers.append((name, pid, config))
	return servers


def restart_mariadb(db_root_password: str):
	"""Stops the MariaDB server by its own pid (its init script's stop cannot always log in) and
	starts it again; checks that it did restart."""

	def ask(query: str) -> str:
		return subprocess.run(
			["mysql", "-uroot", f"-p{db_root_password}", "-N", "-e", query],
			capture_output=True,
			text=True,
			check=True,
		).stdout.strip()

	stopped(int(Path(ask("select @@pid_file")).read_text().strip()), seconds=60)
	# in a session of its own: the server must outlive this test
	subprocess.run(["service", "mariadb", "start"], check=True, capture_output=True, start_new_session=True)
	uptime = int(
		ask("select variable_value from information_schema.global_status where variable_name = 'Uptime'")
	)
	if uptime > 60:
		raise SystemExit("MariaDB did not restart")


def restart_redis(bench: Bench):
	for _name, pid, config in redis_servers(bench):
		stopped(pid, seconds=5)
		subprocess.run(
			bench.as_owner(["redis-server", str(config), "--daemonize", "yes"]),
			cwd=bench.path,
			check=True,
			start_new_session=True,  # the server must outlive this test
		)


def stopped(pid: int, seconds: float):
	"""Asks a server to stop (SIGTERM, by its own pid) and waits until it has."""
	os.kill(pid, signal.SIGTERM)
	for _ in range(int(seconds * 10)):
		try:
			os.kill(pid, 0)
			time.sleep(0.1)
		except ProcessLookupError:
			return


def kill_worker_during_import(bench: Bench, client: Client, stats: Stats, samples, logs: Path) -> dict:
	"""The secretariat starts an import; the worker is killed while it runs and started again. The
	import must be marked interrupted (by the app's scheduled check) and its re-run complete it."""
	outcome = {"fault": "worker killed during an import", "rows_of_the_state": samples.own_state_rows}
	uploaded = client.call(
		"upload import file",
		"POST",
		"/api/method/upload_file",
		data={"is_private": 1},
		files={"file": (samples.xlsx.name, samples.xlsx.read_bytes(), "application/octet-stream")},
	)
	created = uploaded and client.call(
		"create import",
		"POST",
		"/api/resource/Recommendation Import",
		json={"source_type": "UHRI XLSX", "import_file": uploaded["message"]["file_url"]},
	)
	if not created:
		outcome["result"] = "could not start the import"
		return outcome
	name = created["data"]["name"]
	outcome["import"] = name

	def recommendations() -> int | None:
		answer = client.call(
			"count recommendations",
			"GET",
			"/api/method/frappe.client.get_count",
			retries=2,
			params={"doctype": "Recommendation"},
		)
		return answer and answer.get("message")

	before = recommendations()
	client.call(
		"start import",
		"POST",
		"/api/method/run_doc_method",
		json={"dt": "Recommendation Import", "dn": name, "method": "start_import"},
	)

	def status():
		doc = client.get_doc("Recommendation Import", name)
		return doc and doc.get("status")

	# killed once it runs and its first batches are in (each batch commits), before it can finish
	outcome["recommendations_before"] = before
	for _ in range(600):
		seen = status()
		if time.perf_counter() > client.deadline or seen in FINISHED_IMPORT:
			break
		if seen == "Importing" and (counted := recommendations()) and counted > (before or 0):
			outcome["recommendations_at_kill"] = counted
			break
		time.sleep(0.2)
	stats.fault = "worker killed"
	bench.stop("long worker", signal.SIGKILL)  # the import runs on the long queue
	killed_at = time.perf_counter()
	bench.start_worker("long", logs)
	outcome["status_after_kill"] = status()
	# the app's check runs every 5 minutes; the test asks it directly until it sees the interruption
	for _ in range(40):
		if time.perf_counter() > client.deadline or status() in FINISHED_IMPORT:
			break  # finished before the kill: nothing was interrupted
		found = bench.helper("interrupted", "--site", bench.site)
		if name in found["interrupted"]:
			break
		time.sleep(5)
	outcome["seen_interrupted_after_s"] = round(time.perf_counter() - killed_at)
	outcome["status_seen"] = status()
	# the batches committed before the kill stay; the rest is the re-run's
	outcome["created_before_kill"] = (recommendations() or 0) - (before or 0)
	stats.fault = None
	client.call(
		"start import",
		"POST",
		"/api/method/run_doc_method",
		json={"dt": "Recommendation Import", "dn": name, "method": "start_import"},
	)
	for _ in range(600):
		if time.perf_counter() > client.deadline or status() in FINISHED_IMPORT:
			break
		time.sleep(1)
	doc = client.get_doc("Recommendation Import", name) or {}
	outcome.update({key: doc.get(key) for key in ("status", "created", "unchanged", "failed", "outcome")})
	outcome["new_recommendations"] = (recommendations() or 0) - (before or 0)
	return outcome


def run_faults(bench: Bench, secretariat_client: Client, stats: Stats, samples, args, results: list):
	"""While the focal points are at work: MariaDB restarted, then Redis; then the worker killed in
	the middle of an import."""
	for fault, action in (
		("MariaDB restarted", lambda: restart_mariadb(args.db_root_password)),
		("Redis restarted", lambda: restart_redis(bench)),
	):
		time.sleep(10)
		errors_before = len(stats.errors)
		stats.fault = fault
		started = time.perf_counter()
		action()
		down = time.perf_counter() - started
		time.sleep(10)  # what users see in the seconds after the service is back counts too
		stats.fault = None
		results.append(
			{"fault": fault, "seconds_down": round(down, 1), "errors_seen": len(stats.errors) - errors_before}
		)
	results.append(kill_worker_during_import(bench, secretariat_client, stats, samples, args.logs))


# ------------------------------------------------------------------------------------------ main


def main():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", default="nmirf-load.localhost")
	parser.add_argument("--focal-points", type=int, default=170)
	parser.add_argument("--institutions", type=int, default=70)
	parser.add_argument("--secretariat", type=int, default=3)
	parser.add_argument("--rounds", type=int, default=2, help="progress updates each focal point submits")
	parser.add_argument("--concurrency", type=int, default=32, help="requests in flight at most")
	parser.add_argument("--duration", type=float, default=600, help="time limit in seconds")
	parser.add_argument("--port", type=int, default=8010)
	parser.add_argument("--web-workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
	parser.add_argument("--faults", action="store_true", help="kill the worker, restart MariaDB and Redis")
	parser.add_argument("--logs", type=Path, default=Path("/tmp/nmirf-load-test"))
	parser.add_argument("--db-root-password", default=os.environ.get("NMIRF_DB_ROOT_PASSWORD", "nmirf-root"))
	args = parser.parse_args()

	bench = Bench(Path(os.environ.get("NMIRF_BENCH", "/srv/frappe-bench")), args.site)
	args.logs.mkdir(parents=True, exist_ok=True)
	if os.geteuid() == 0:
		owner = pwd.getpwnam(bench.owner)
		os.chown(args.logs, owner.pw_uid, owner.pw_gid)
	if not (bench.path / "sites" / args.site).exists():
		print(f"creating {args.site} with nmirf_app (a few minutes)", flush=True)
		subprocess.run(
			bench.frappe_command(
				"new-site", args.site, "--install-app", "nmirf_app",
				"--db-root-password", args.db_root_password, "--admin-password", "admin",
			),
			cwd=bench.path / "sites", check=True, stdout=subprocess.DEVNULL,
		)  # fmt: skip
	people = bench.helper(
		"prepare", "--site", args.site, "--focal-points", str(args.focal_points),
		"--institutions", str(args.institutions), "--secretariat", str(args.secretariat),
	)  # fmt: skip
	samples = None
	if args.faults:
		sys.path[:0] = [str(HERE), str(HERE.parent)]  # the generator reads the vocabularies the app ships
		import uhri_samples

		# records the site has not seen (a seed of its own each run): the killed import has rows to
		# create before and after the kill
		samples = uhri_samples.write_samples(
			5000, args.logs, state="Paraguay", other_state_share=0.15, seed=random.randrange(10**6)
		)

	base_url = f"http://127.0.0.1:{args.port}"
	bench.start_web(args.port, args.web_workers, args.logs)
	for queue in WORKER_QUEUES:
		bench.start_worker(queue, args.logs)
	done = threading.Event()
	threading.Thread(target=bench.supervise, args=(time.perf_counter(), done), daemon=True).start()
	try:
		print(
			f"gunicorn with {args.web_workers} workers on {base_url} up in {wait_until_up(base_url, args.site):.1f} s",
			flush=True,
		)
		report = run_load(bench, args, people, base_url, samples)
	finally:
		done.set()
		bench.stop("web")
		for queue in WORKER_QUEUES:
			bench.stop(f"{queue} worker")
	print(report)
	for at, name, code in bench.restarts:
		print(f"{name} exited on its own (code {code}) {at} s into the run and was started again")


def run_load(bench: Bench, args, people: dict, base_url: str, samples) -> str:
	run = uuid.uuid4().hex[:8]
	stats = Stats()
	gate = threading.Semaphore(args.concurrency)
	deadline = time.perf_counter() + args.duration
	ledger: dict[str, dict] = {}
	evidence = b"%PDF-1.4\n% field report\n" + os.urandom(20_000) + b"\n%%EOF\n"
	password = people["password"]
	focal_points_done = threading.Event()

	def client():
		return Client(base_url, args.site, stats, gate, deadline)

	def stop():
		"""Reviewers stop once the focal points are done and nothing waits for them, or at the limit."""
		if time.perf_counter() > deadline:
			return True
		return focal_points_done.is_set() and all(
			entry["state"] in (None, "Approved", "Draft") for entry in list(ledger.values())
		)

	writers = [
		threading.Thread(
			target=focal_point, args=(client(), person, password, run, args.rounds, ledger, evidence)
		)
		for person in people["focal_points"]
	]
	reviewers = [
		threading.Thread(
			target=reviewer,
			args=(client(), person["user"], password, "Submitted", "Validate", run, ledger, stop),
		)
		for person in people["validators"]
	] + [
		threading.Thread(
			target=secretariat,
			args=(client(), user, password, run, ledger, stop, (index, len(people["secretariat"]))),
		)
		for index, user in enumerate(people["secretariat"])
	]
	faults: list[dict] = []
	fault_thread = None
	if args.faults:
		fault_client = client()
		fault_client.login(people["secretariat"][0], password)
		fault_thread = threading.Thread(
			target=run_faults, args=(bench, fault_client, stats, samples, args, faults)
		)
	print(
		f"run {run}: {len(writers)} focal points x {args.rounds} updates, {len(people['validators'])} validators, "
		f"{len(people['secretariat'])} secretariat users; at most {args.concurrency} requests at once, "
		f"{args.duration:.0f} s at most; MariaDB isolation {people['isolation']}"
		+ (", with faults" if args.faults else ""),
		flush=True,
	)
	for thread in writers + reviewers:
		thread.start()
		time.sleep(0.02)  # people arrive over a few seconds, not in the same millisecond
	if fault_thread:
		time.sleep(5)
		fault_thread.start()
	for thread in writers:
		thread.join()
	focal_points_done.set()
	print(f"focal points done after {time.perf_counter() - stats.started:.0f} s", flush=True)
	for thread in reviewers + ([fault_thread] if fault_thread else []):
		thread.join()

	drained = drain(bench, time.perf_counter())
	check = bench.helper("check", "--site", args.site, "--run", run)
	return "\n".join([stats.table(), "", drained, *verdict(ledger, check, stats, faults)])


def drain(bench: Bench, started: float, seconds: float = 900) -> str:
	"""Waits for the jobs the run left queued (notifications, mostly) to be done before the workers
	stop: what users would get after the rush, and nothing left in the bench's queues for another
	site's workers to run."""
	while time.perf_counter() - started < seconds:
		queued = bench.helper("queued", "--site", bench.site)
		if not any(queued.values()):
			return f"background jobs done {time.perf_counter() - started:.0f} s after the last user's request"
		time.sleep(5)
	return f"background jobs still queued {seconds:.0f} s after the last user's request: {queued}"


def verdict(ledger: dict, check: dict, stats: Stats, faults: list[dict]) -> list[str]:
	stored = check["updates"]
	doubled = {key: rows for key, rows in stored.items() if len(rows) > 1}
	lost = [key for key, entry in ledger.items() if entry["name"] and key not in stored]
	wrong_state = [
		(key, entry["state"], stored[key][0]["state"])
		for key, entry in ledger.items()
		if entry["name"] and key in stored and entry["state"] and stored[key][0]["state"] != entry["state"]
	]
	unanswered = [key for key, entry in ledger.items() if not entry["name"]]
	states = defaultdict(int)
	for rows in stored.values():
		states[rows[0]["state"]] += 1
	lines = [
		f"updates meant: {len(ledger)}; created as the users saw: {sum(1 for e in ledger.values() if e['name'])}; "
		f"stored: {len(stored)} ({', '.join(f'{state} {count}' for state, count in sorted(states.items()))})",
		f"with evidence: {sum(1 for rows in stored.values() if rows[0]['evidence'])}",
		f"stored twice: {len(doubled)}; lost (created, not stored): {len(lost)}; "
		f"in another state than the user was last told: {len(wrong_state)}; "
		f"creation answered with an error: {len(unanswered)} (of these, stored: {sum(1 for key in unanswered if key in stored)})",
		f"Recommendation Tally: {check['tally_rows']} rows, {check['tally_rows_differing']} differing from a recount",
	]
	for key, told, found in wrong_state[:10]:
		lines.append(f"  {key}: told {told}, stored {found}")
	for fault in faults:
		lines.append("fault: " + json.dumps(fault, default=str))
	if stats.errors:
		lines.append(f"errors ({len(stats.errors)}):")
		counted = defaultdict(int)
		for _at, kind, fault, error in stats.errors:
			counted[(kind, fault, re.sub(r"\(\d{4}-\d\d-\d\d [^)]*\)", "(…)", error)[:160])] += 1
		for (kind, fault, error), count in sorted(counted.items(), key=lambda item: -item[1])[:25]:
			lines.append(f"  {count} x {kind}{f' during {fault}' if fault else ''}: {error}")
	else:
		lines.append("errors: none")
	import_fault = next((fault for fault in faults if fault.get("import")), None)
	# every row of the State in the site after the re-run (created, or there already: a sample can
	# repeat records of an earlier run's), and each created once: by the killed run or by the re-run
	import_whole = import_fault is None or (
		import_fault.get("status") == "Completed"
		and not import_fault.get("failed")
		and (import_fault.get("created") or 0) + (import_fault.get("unchanged") or 0)
		== import_fault["rows_of_the_state"]
		and import_fault.get("new_recommendations")
		== (import_fault.get("created_before_kill") or 0) + (import_fault.get("created") or 0)
	)
	if import_fault:
		lines.append(
			f"import killed mid-way: {import_fault.get('created_before_kill')} recommendations created before "
			f"the kill; its re-run {import_fault.get('status')}: {import_fault.get('created')} created, "
			f"{import_fault.get('unchanged')} already there; {import_fault.get('new_recommendations')} new "
			f"recommendations for the State's {import_fault['rows_of_the_state']} rows"
		)
	ok = not doubled and not lost and not wrong_state and not check["tally_rows_differing"] and import_whole
	lines.append("NOTHING LOST OR DOUBLED" if ok else "PROBLEMS FOUND (above)")
	return lines


if __name__ == "__main__":
	main()
