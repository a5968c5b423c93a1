"""The recording harness behind scripts/record-python.

Runs one example's unmodified main.py under a virtual-clock event loop and writes
its stamped transcript (docs/TEAM.md, "Transcript format") to stdout. The package
name is deliberately unlikely so that an example cannot import it by accident.
"""
