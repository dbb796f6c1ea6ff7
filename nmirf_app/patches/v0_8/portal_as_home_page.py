"""A site that already publishes its portal gets it as its home page, as a new switch-on does
(NMIRF Settings.set_website_home_page)."""

import frappe


def execute():
	frappe.get_single("NMIRF Settings").set_website_home_page()
