"""Layer 3, views: what is derived from the method for a reader — tables (pandas), stroke geometry, words,
the theme, layer names, matplotlib drawings and layered SVG. Never imports the interaction or publishing layers.
"""
