"""Layer 2, method: the content — anatomy of the back, the techniques, the classical method's regions, rules and
cautions with their citations — and the checks of that content. Imports only :mod:`backdata.core`.
"""
