"""Pembinaan: from evaluation results to learning and back to the SKP."""
