"""The main window and what belongs to it as a whole: menus, files, layout, the language menu,
the safety net, start-up.
"""
