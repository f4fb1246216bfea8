"""Start a student's single-user server (``jupyterhub-singleuser``) the way the class hub wants it.

The hub's spawner runs ``python deploy/backdata_singleuser.py ARGS`` as the student (``c.Spawner.cmd`` in
``jupyterhub_config.py``). Before handing over to ``jupyterhub.singleuser.main``, this:

* makes ``deploy/`` importable, so the server can load ``backdata_pullguard`` (the checked one-click link);
* gives the server and its kernels a private runtime directory (mode 700, made with ``mkdtemp``, removed when
  the server ends) with a short path: the kernels use the ``ipc`` transport (Unix sockets, private to the
  student, no TCP port other local users could reach), and a Unix socket path must stay under 108 bytes,
  which ``~/.local/share/jupyter/runtime/kernel-<uuid>-ipc-1`` exceeds for long home paths.
"""

import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    if HERE not in sys.path:
        sys.path.insert(0, HERE)
    runtime = tempfile.mkdtemp(prefix="backdata-rt-")  # 0700, owned by the student
    os.environ["JUPYTER_RUNTIME_DIR"] = runtime
    try:
        from jupyterhub.singleuser import main as singleuser_main

        return singleuser_main() or 0
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
