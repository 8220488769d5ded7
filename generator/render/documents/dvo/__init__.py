"""The DVO: view model, content as data (attachment, controlegetal), parties, clause numbering, rendering."""
