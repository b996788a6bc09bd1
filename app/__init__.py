"""Squeeze: a guided hip and glute routine for a calmer low back."""
