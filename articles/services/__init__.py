"""Writes: the only code (with selectors) that joins the ORM and the core.

Functions take keyword-only arguments and are named ``<noun>_<verb>``.
"""
