"""``python -m backdata``: the command line (:mod:`backdata.publish.cli`)."""

import sys

from backdata.publish.cli import main

if __name__ == "__main__":
    sys.exit(main())
