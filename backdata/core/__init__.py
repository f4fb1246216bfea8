"""Layer 1, core: the types of a method (frozen dataclasses, enums), the frame's geometry, errors and citations.

Holds no content of any method and imports nothing of backdata's higher layers.
"""
