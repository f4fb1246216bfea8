"""nbgitpuller's one-click link, restricted to the collection: a Jupyter server extension for the class hub.

nbgitpuller's ``/git-pull`` link clones whatever ``repo`` it is given into whatever ``targetpath`` (absolute,
``..``, dot-folders): a link on the hub's own domain, clicked by a student, could plant
``~/.ipython/profile_default/startup/*.py`` (code run by every kernel of theirs). The hub's single-user
servers therefore run with nbgitpuller's own extension off (``--ServerApp.jpserver_extensions=nbgitpuller=False``)
and this one on: the same URLs (``/git-pull``, ``/git-pull/api``, nbgitpuller's static files), the same
handlers, but a request is served only when

* ``repo`` is the collection's repository (``BACKDATA_PULL_REPO``; a trailing ``/`` or ``.git`` aside),
* ``branch`` is absent or ``BACKDATA_PULL_BRANCH``,
* ``targetpath`` is absent or ``BACKDATA_PULL_FOLDER`` (a plain folder name; absent means that folder),
* ``depth`` is absent or a positive integer, and ``backup`` is not used.

Anything else gets HTTP 403 with the reason, before nbgitpuller sees it. The variables are set by the hub's
spawner (``c.Spawner.environment`` in ``jupyterhub_config.py``), not by the student. The legacy ``/git-sync``
and ``/interact`` redirects of nbgitpuller are not served.
"""

from __future__ import annotations

import os
import re

from tornado import web

_FOLDER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def _norm(url: str) -> str:
    url = url.strip().rstrip("/")
    return url.removesuffix(".git")


def _allowed() -> tuple[str, str, str]:
    return (
        os.environ.get("BACKDATA_PULL_REPO", ""),
        os.environ.get("BACKDATA_PULL_BRANCH", "main"),
        os.environ.get("BACKDATA_PULL_FOLDER", "backdata"),
    )


def check(args: dict[str, str | None]) -> str | None:
    """Why the pull ``args`` (query arguments, None where absent) is refused, or None when it is allowed."""
    repo, branch, folder = _allowed()
    if not repo:
        return "the hub allows no repository for the one-click link (BACKDATA_PULL_REPO is not set)"
    if not _FOLDER.match(folder):
        return f"the hub's pull folder {folder!r} is not a plain folder name"
    if args.get("repo") is None or _norm(args["repo"]) != _norm(repo):
        return f"this hub pulls only {repo}, not {args.get('repo')!r}"
    if args.get("branch") not in (None, "", branch):
        return f"this hub pulls only the branch {branch!r}, not {args.get('branch')!r}"
    if args.get("targetpath") not in (None, "", folder):
        return f"this hub pulls only into the folder {folder!r}, not {args.get('targetpath')!r}"
    depth = args.get("depth")
    if depth not in (None, "") and not (depth.isdigit() and int(depth) > 0):
        return f"depth must be a positive whole number, not {depth!r}"
    if args.get("backup") not in (None, "", "false", "False", "0"):
        return "backup is not available on this hub"
    return None


class _Guard:
    """Mixin for nbgitpuller's handlers: check the arguments first, pin ``targetpath`` to the folder."""

    async def prepare(self):
        result = super().prepare()  # the server's own checks first: who is asking
        if result is not None:
            await result
        if self._finished:
            return
        req = self.request
        get = self.get_argument
        args = {
            "repo": get("repo", None),
            "branch": get("branch", None),
            "targetpath": get("targetpath", None) or get("targetPath", None),
            "depth": get("depth", None),
            "backup": get("backup", None),
        }
        # a name given twice (?targetpath=backdata&targetpath=..) would let nbgitpuller see another value
        for name in ("repo", "branch", "targetpath", "targetPath", "depth", "backup"):
            if len(req.arguments.get(name, [])) > 1:
                self._refuse(f"{name} is given more than once")
        reason = check(args)
        if reason:
            self._refuse(reason)
        folder = _allowed()[2].encode()
        req.arguments.pop("targetPath", None)
        req.arguments["targetpath"] = [folder]

    def _refuse(self, reason: str) -> None:
        self.log.warning("backdata pull guard: refused %s: %s", self.request.uri, reason)
        raise web.HTTPError(403, reason)


def _jupyter_server_extension_points():
    return [{"module": "backdata_pullguard"}]


def _load_jupyter_server_extension(app):
    from jupyter_server.utils import url_path_join
    from nbgitpuller import handlers as nbg
    from tornado.web import StaticFileHandler

    class GuardedSyncHandler(_Guard, nbg.SyncHandler):
        pass

    class GuardedUIHandler(_Guard, nbg.UIHandler):
        pass

    web_app = app.web_app
    base_url = url_path_join(web_app.settings["base_url"], "git-pull")
    web_app.settings["nbapp"] = app  # nbgitpuller's SyncHandler reads its server app from here
    web_app.add_handlers(
        ".*",
        [
            (url_path_join(base_url, "api"), GuardedSyncHandler),
            (base_url, GuardedUIHandler),
            (
                url_path_join(base_url, "static", "(.*)"),
                StaticFileHandler,
                {"path": os.path.join(os.path.dirname(nbg.__file__), "static")},
            ),
        ],
    )
    repo, branch, folder = _allowed()
    app.log.info(
        "backdata pull guard: the one-click link pulls only %s (branch %s) into ~/%s",
        repo or "(nothing: BACKDATA_PULL_REPO unset)",
        branch,
        folder,
    )


load_jupyter_server_extension = _load_jupyter_server_extension
