"""Reads: query functions returning model instances or plain data for views."""
