def get_context(context):
	# the form needs nothing beyond what Frappe gives it
	pass
