"""Layer 5, publishing: writing files safely, the figures, offline handouts, slides and editions, and the command
line. The top layer: nothing in backdata imports it.
"""
