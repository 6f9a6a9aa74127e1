#!/usr/bin/python3
"""tests/a11y/atspi_tree.py — reads keyhaven's accessibility tree over AT-SPI, as Orca does.

Usage: atspi_tree.py KEYHAVEN_BINARY

Starts Xvfb on a free display, the AT-SPI bus (at-spi-bus-launcher) on the current D-Bus session
(./dev test provides one, with gnome-keyring), and the real keyhaven on the xcb platform with
--sample-data in a throwaway KEYHAVEN_DATA_DIR. Then, through pyatspi (libatspi, the library Orca
uses), it finds the application "keyhaven" on the desktop and checks its tree: the panel tabs by
name, a name on every push button and tree, named column headers on the tables, and the focused
widget.
Exit 0 when every check holds, 1 when one fails (an empty tree or a missing app is a failure,
never a skip), 2 on a usage or environment error.

Qt registers with AT-SPI only when the session says a screen reader runs (org.a11y.Status) or
when QT_LINUX_ACCESSIBILITY_ALWAYS_ON is set: the CTest entry sets the latter, and running this
script without it shows the failure an unregistered app gives.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The tabs of ui/mainwindow.cpp, in order (the panels' title()).
EXPECTED_TABS = ["API Keys", "Tokens", "Connections", "Dashboard", "Inspector", "Requests",
                 "History"]
# ItemTableModel::columnsFor(ItemKind::ApiKey): the table on the first page.
EXPECTED_API_KEY_COLUMNS = ["Name", "Header", "Base URL", "Owner", "Tags", "Rotation", "Secret"]
# An ASan build under load needs far longer than the ~1 s a dev build takes to register.
APP_TIMEOUT_S = float(os.environ.get("KEYHAVEN_ATSPI_TIMEOUT", "90"))
MAX_NODES = 20000  # a runaway (cyclic) tree fails instead of hanging


class Failure(Exception):
    pass


def log(msg):
    print(msg, flush=True)


def start_xvfb(tmp):
    """Xvfb on the first free display (-displayfd), without TCP; returns (process, ':N')."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1400x900x24", "-nolisten", "tcp",
         "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
        stderr=open(os.path.join(tmp, "xvfb.log"), "wb"), start_new_session=True)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise Failure("Xvfb did not start: " + open(os.path.join(tmp, "xvfb.log")).read())
    return proc, ":" + number


def start_window_manager(tmp, display):
    """A window manager activates the new window, as on a desktop: without one no window is
    active under Xvfb and no widget has the keyboard focus for the tree to report."""
    proc = subprocess.Popen(["matchbox-window-manager", "-use_titlebar", "no", "-use_cursor", "no"],
                            env=dict(os.environ, DISPLAY=display), stdout=subprocess.DEVNULL,
                            stderr=open(os.path.join(tmp, "wm.log"), "wb"), start_new_session=True)
    # Wait until it manages the screen (EWMH: the root's _NET_SUPPORTING_WM_CHECK), or a window
    # mapped before would never be activated.
    deadline = time.monotonic() + 20
    while "window id" not in subprocess.run(
            ["xprop", "-display", display, "-root", "_NET_SUPPORTING_WM_CHECK"],
            capture_output=True, text=True).stdout:
        if proc.poll() is not None or time.monotonic() > deadline:
            raise Failure("the window manager did not come up: "
                          + open(os.path.join(tmp, "wm.log")).read())
        time.sleep(0.05)
    return proc


def session_bus():
    from gi.repository import Gio
    return Gio.bus_get_sync(Gio.BusType.SESSION, None)


def name_has_owner(bus, name):
    from gi.repository import GLib
    reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "NameHasOwner", GLib.Variant("(s)", (name,)),
                          GLib.VariantType("(b)"), 0, 5000, None)
    return reply.unpack()[0]


def start_atspi_bus(tmp, env):
    """at-spi-bus-launcher on the session bus, unless one already owns org.a11y.Bus.

    The launcher starts the accessibility bus (a second dbus-daemon), which activates
    at-spi2-registryd: all of them in a process group of their own, ended together.
    """
    bus = session_bus()
    if name_has_owner(bus, "org.a11y.Bus"):
        log("using the AT-SPI bus already on this D-Bus session")
        return None
    launcher = shutil.which("at-spi-bus-launcher", path="/usr/libexec:/usr/lib/at-spi2-core")
    if not launcher:
        raise Failure("at-spi-bus-launcher not found (Debian package at-spi2-core)")
    proc = subprocess.Popen([launcher, "--launch-immediately"], env=env,
                            stdout=subprocess.DEVNULL,
                            stderr=open(os.path.join(tmp, "atspi-bus.log"), "wb"),
                            start_new_session=True)
    deadline = time.monotonic() + 20
    while not name_has_owner(bus, "org.a11y.Bus"):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise Failure("the AT-SPI bus did not come up: "
                          + open(os.path.join(tmp, "atspi-bus.log")).read())
        time.sleep(0.05)
    return proc


def stop_group(proc):
    """Ends a process this script started, with the children in its process group."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def find_app(pyatspi):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "keyhaven":
            return app
    return None


def walk(root):
    """Every node under root, depth first, each once."""
    seen = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        key = node.path  # the D-Bus object path: unique inside one application
        if key in seen:
            continue
        seen.add(key)
        if len(seen) > MAX_NODES:
            raise Failure("more than %d nodes: the tree does not end" % MAX_NODES)
        yield node
        for i in range(node.childCount - 1, -1, -1):
            stack.append(node.getChildAtIndex(i))


def describe(node):
    return "%s %r" % (node.getRoleName(), node.name)


def states_of(node):
    return {state.value_nick for state in node.getState().getStates()}


def find_tab_list(pyatspi, app):
    """The panel tabs: the page tab list with a child for every panel (the Requests panel's own
    tab lists have two or three tabs)."""
    for node in walk(app):
        if node.getRole() == pyatspi.ROLE_PAGE_TAB_LIST and node.childCount >= len(EXPECTED_TABS):
            return node
    return None


def dump(app):
    """The whole tree, indented, for the log of a failed run."""
    depth = {app.path: 0}
    for node in walk(app):
        level = depth.get(node.path, 0)
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                depth.setdefault(child.path, level + 1)
        log("  %s%s [%s]" % ("  " * level, describe(node), ",".join(sorted(states_of(node)))))


class Checker:
    """Collects failures instead of stopping at the first, and counts what it checked."""

    def __init__(self):
        self.failures = []
        self.names_checked = 0

    def name(self, node, what):
        self.names_checked += 1
        if not (node.name or "").strip():
            self.failures.append("%s has no accessible name (%s)" % (what, describe(node)))

    def expect(self, condition, message):
        if not condition:
            self.failures.append(message)


def check_focus(pyatspi, app, check):
    """What Orca announces after start: the active window and the focused widget in it."""
    frames = [app.getChildAtIndex(i) for i in range(app.childCount)]
    active = [f for f in frames if f is not None and "active" in states_of(f)]
    check.expect(len(active) == 1, "expected one active window, got %s"
                 % [describe(f) for f in frames if f is not None])
    if not active:
        return None
    deadline = time.monotonic() + 10  # the focus follows the activation a moment later
    while True:
        app.clear_cache()
        focused = [n for n in walk(active[0]) if {"focused", "showing"} <= states_of(n)
                   and n.getRole() != pyatspi.ROLE_PAGE_TAB]
        if focused or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    # The innermost focused node is the focus widget (a QTabWidget reports the focus of its tab
    # bar, its focus proxy, as well). Page tabs are left out: Qt marks the current tab of every
    # tab bar "focused".
    focus = focused[-1] if focused else None
    check.expect(focus is not None, "no showing widget is focused after start")
    if focus is not None:
        check.name(focus, "the focused widget")
        check.expect(focus.getRole() == pyatspi.ROLE_PAGE_TAB_LIST and focus.name == EXPECTED_TABS[0],
                     "after start the focus should be on the panel tabs (%r), it is on %s"
                     % (EXPECTED_TABS[0], describe(focus)))
    return focus


def select_tab(pyatspi, app, tab_list, index):
    """Switches the page with the tab's own action, as an AT user would."""
    action = tab_list.getChildAtIndex(index).queryAction()
    names = [action.getName(i).lower() for i in range(action.nActions)]
    if "press" not in names:
        raise Failure("tab %r offers no press action, only %s" % (EXPECTED_TABS[index], names))
    action.doAction(names.index("press"))
    deadline = time.monotonic() + 15
    while True:
        app.clear_cache()
        if tab_list.name == EXPECTED_TABS[index]:
            return
        if time.monotonic() > deadline:
            raise Failure("selecting tab %r left %r current" % (EXPECTED_TABS[index], tab_list.name))
        time.sleep(0.05)


TEXT_ROLES = ("ROLE_TEXT", "ROLE_ENTRY", "ROLE_PASSWORD_TEXT")


def check_page(pyatspi, app, check, tab, seen, tables, counts):
    """With the page of tab shown: every push button has a name, every table named column
    headers. Each node is checked once, on the page where it first turns up (the walk covers the
    hidden pages as well)."""
    for node in walk(app):
        counts["nodes"] += 1
        if node.path in seen:
            continue
        seen.add(node.path)
        role = node.getRole()
        if role == pyatspi.ROLE_PUSH_BUTTON:
            parent = node.parent
            if parent is not None and parent.getRole() in [getattr(pyatspi, r) for r in TEXT_ROLES]:
                # A search field's clear button (icon only, shown once the field has text):
                # ui/searchfield names it, and the field itself.
                counts["clear_buttons"] += 1
                check.name(node, "a search field's clear button (with the %s page shown)" % tab)
                check.name(parent, "a search field (with the %s page shown)" % tab)
                continue
            counts["buttons"] += 1
            check.name(node, "a push button (with the %s page shown)" % tab)
        elif role == pyatspi.ROLE_TREE:
            # A QTreeView (the Requests panel's saved requests): named, as a list would be.
            check.name(node, "a tree (with the %s page shown)" % tab)
            counts["trees"].append((tab, node.name))
        elif role in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE):
            table = node.queryTable()
            check.expect(table.nColumns > 0, "a table on the %s page has no columns" % tab)
            # The header sections are children of the table. Through the Table interface Qt
            # finds a column's header from its cell in row 0, so an empty table answers none.
            headers = [node.getChildAtIndex(i) for i in range(node.childCount)]
            headers = [h for h in headers
                       if h is not None and h.getRole() == pyatspi.ROLE_TABLE_COLUMN_HEADER]
            check.expect(len(headers) == table.nColumns,
                         "a table on the %s page has %d columns and %d column headers"
                         % (tab, table.nColumns, len(headers)))
            for i, header in enumerate(headers):
                check.name(header, "the header of column %d on the %s page" % (i, tab))
                if table.nRows > 0:
                    by_table = table.getColumnHeader(i)
                    check.expect(by_table is not None and by_table.name == header.name,
                                 "Table.getColumnHeader(%d) on the %s page gives %s, not %r"
                                 % (i, tab, describe(by_table) if by_table else None, header.name))
            tables[node.path] = (tab, "showing" in states_of(node), [h.name for h in headers])


def main():
    if len(sys.argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    if not os.access(binary, os.X_OK):
        print("atspi_tree: no executable at " + binary, file=sys.stderr)
        return 2
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("atspi_tree: no D-Bus session (run it through ./dev test or ./dev keyring)",
              file=sys.stderr)
        return 2

    started = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="keyhaven-atspi.")
    xvfb = wm = launcher = app_proc = None
    try:
        xvfb, display = start_xvfb(tmp)
        wm = start_window_manager(tmp, display)
        env = dict(os.environ, DISPLAY=display)
        env.pop("AT_SPI_BUS_ADDRESS", None)  # the bus is the one on this D-Bus session
        os.environ.pop("AT_SPI_BUS_ADDRESS", None)
        launcher = start_atspi_bus(tmp, env)
        os.environ["DISPLAY"] = display
        import pyatspi  # after the bus is up: libatspi looks it up once
        from gi.repository import GLib

        app_env = dict(env, QT_QPA_PLATFORM="xcb",
                       KEYHAVEN_DATA_DIR=os.path.join(tmp, "data"),
                       KEYHAVEN_KEYCHAIN_SERVICE=os.environ.get("KEYHAVEN_KEYCHAIN_SERVICE",
                                                                "keyhaven-test-atspi"),
                       XDG_RUNTIME_DIR=os.path.join(tmp, "runtime"))
        os.makedirs(app_env["XDG_RUNTIME_DIR"], mode=0o700)
        app_log = os.path.join(tmp, "keyhaven.log")
        app_proc = subprocess.Popen([binary, "--sample-data"], env=app_env,
                                    stdout=subprocess.DEVNULL, stderr=open(app_log, "wb"),
                                    start_new_session=True)

        deadline = time.monotonic() + APP_TIMEOUT_S
        app = tab_list = last_error = None
        while True:
            if app_proc.poll() is not None:
                raise Failure("keyhaven exited with %s before its tree was read:\n%s"
                              % (app_proc.returncode, open(app_log).read()))
            try:
                app = find_app(pyatspi)
                if app is not None:
                    app.clear_cache()
                    tab_list = find_tab_list(pyatspi, app)
                    if tab_list is not None and any("active" in states_of(app.getChildAtIndex(i))
                                                    for i in range(app.childCount)):
                        break
            except GLib.GError as error:
                # While the window is built, a widget listed a moment ago can be gone already.
                last_error = error.message
            if time.monotonic() > deadline:
                desktop = pyatspi.Registry.getDesktop(0)
                apps = [desktop.getChildAtIndex(i).name for i in range(desktop.childCount)]
                raise Failure("after %.0f s the AT-SPI desktop lists %s: %s (last error: %s)"
                              % (APP_TIMEOUT_S, apps or "no application",
                                 "no keyhaven" if app is None
                                 else "keyhaven without an active window and panel tabs",
                                 last_error))
            time.sleep(0.2)
        registered = time.monotonic() - started
        log("keyhaven is on the AT-SPI desktop after %.2f s" % registered)

        check = Checker()
        focus = check_focus(pyatspi, app, check)
        focus = describe(focus) if focus is not None else "nothing"
        # The tab bar's scroll buttons are children of the page tab list too.
        tabs = [tab_list.getChildAtIndex(i) for i in range(tab_list.childCount)]
        tabs = [t for t in tabs if t is not None and t.getRole() == pyatspi.ROLE_PAGE_TAB]
        for tab in tabs:
            check.name(tab, "a panel tab")
        check.expect([t.name for t in tabs] == EXPECTED_TABS,
                     "panel tabs: expected %s, got %s" % (EXPECTED_TABS, [t.name for t in tabs]))
        counts = {"nodes": 0, "buttons": 0, "clear_buttons": 0, "trees": []}
        tables = {}
        seen = set()
        for index, name in enumerate(EXPECTED_TABS[:len(tabs)]):
            select_tab(pyatspi, app, tab_list, index)
            check_page(pyatspi, app, check, name, seen, tables, counts)
        api_key_tables = [headers for tab, shown, headers in tables.values()
                          if tab == EXPECTED_TABS[0] and shown]
        check.expect(EXPECTED_API_KEY_COLUMNS in api_key_tables,
                     "the API Keys table should expose the column headers %s, tables there: %s"
                     % (EXPECTED_API_KEY_COLUMNS, api_key_tables))
        check.expect(counts["buttons"] >= 47, "only %d push buttons in the tree" % counts["buttons"])
        check.expect(len(tables) >= 10, "only %d tables in the tree" % len(tables))
        # The Inspector's header and claims, the Requests panel's saved requests (a node counts
        # on the first page the walk finds it, hidden pages included).
        check.expect(sorted(name for _, name in counts["trees"])
                     == ["Saved requests", "Token contents"],
                     "expected the trees 'Saved requests' and 'Token contents', got %s"
                     % counts["trees"])

        log("focused after start: %s" % focus)
        log("panel tabs: %s" % ", ".join(t.name for t in tabs))
        for tab, shown, headers in tables.values():
            log("table%s: %s" % (" (on screen)" if shown else "", ", ".join(headers)))
        for tab, name in counts["trees"]:
            log("tree on %s: %s" % (tab, name))
        log("nodes walked %d (%d distinct, over %d pages), push buttons named %d (QLineEdit "
            "clear buttons %d), tables %d, names checked %d, wall time %.2f s"
            % (counts["nodes"], len(seen), len(tabs), counts["buttons"], counts["clear_buttons"],
               len(tables), check.names_checked, time.monotonic() - started))
        if check.failures:
            dump(app)
            for failure in check.failures:
                log("FAIL: " + failure)
            return 1
        log("PASS: keyhaven's AT-SPI tree")
        return 0
    except Failure as failure:
        log("FAIL: %s" % failure)
        return 1
    except Exception as error:  # a D-Bus error from the tree (GLib.GError) fails, never skips
        log("FAIL: %s: %s" % (type(error).__name__, error))
        return 1
    finally:
        stop_group(app_proc)
        stop_group(launcher)
        stop_group(wm)
        stop_group(xvfb)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
