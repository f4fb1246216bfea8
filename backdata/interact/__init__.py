"""interact"""
