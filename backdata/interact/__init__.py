"""Layer 4, interaction: the view state, the ipywidgets explorer and planner, the self-checks, and the small
functions the notebooks call. Never imports the publishing layer.
"""
