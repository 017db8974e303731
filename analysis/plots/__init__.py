"""One module per figure. Each plot function takes contract.Results and
returns a matplotlib Figure, or None when the folder lacks what it shows."""
