"""A throwaway PostgreSQL server in a temporary directory, on a free port.

Made with initdb/pg_ctl from Debian's /usr/lib/postgresql/<version>/bin and run as the
`postgres` system user (PostgreSQL refuses to run as root), so stopping and restarting it
never touches the machine's own server on 5432 that everyone's tests use.
"""

import glob
import os
import shutil
import socket
import subprocess
from pathlib import Path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if not found:
        raise SystemExit("soak: no PostgreSQL binaries under /usr/lib/postgresql/*/bin")
    return Path(found[-1])


class Cluster:
    def __init__(self, root):
        self.bin = postgres_bin()
        self.dir = Path(root) / "pg"
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/soak"

    def _run(self, *args, check=True):
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def create(self):
        self.dir.mkdir(parents=True)
        if os.geteuid() == 0:
            # The postgres user must reach its directory through the temporary root.
            os.chmod(self.dir.parent, 0o755)
            shutil.chown(self.dir, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        self.options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "soak")

    def start(self):
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", self.options, "-w", "start")

    def stop(self, mode="fast"):
        return self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def destroy(self):
        if self.data.exists():
            self.stop(mode="immediate")
