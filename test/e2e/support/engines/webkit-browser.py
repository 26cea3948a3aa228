"""A small WebKitGTK browser that WebKitWebDriver drives, on a profile that outlives it.

WebKitWebDriver's default browser (MiniBrowser --automation) keeps no data between sessions,
so a test that kills the browser and relaunches it on the same profile could never find its
IndexedDB or service worker again. This one keeps every website datum (IndexedDB, service
worker registrations, caches, localStorage) under the profile folder given as --profile.

The driver starts it as `webkitgtk:browserOptions: { binary: /usr/bin/python3, args: [this
file, --profile, DIR] }`; passing args replaces the driver's own --automation, so automation
is always on here. The driver finds it through WEBKIT_INSPECTOR_SERVER, which it sets.
Run with Debian's /usr/bin/python3: python3-gi (and gir1.2-webkit2-4.1) live there.
"""

import argparse
import os
import signal
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

WIDTH, HEIGHT = 1024, 768


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", required=True, help="folder that keeps the website data")
    parser.add_argument("--lang", default="nb-NO", help="the language the pages are offered")
    parser.add_argument("--init-script", help="a file of script run in every document first")
    # The driver's own flag, if it is ever passed through: automation is on regardless.
    parser.add_argument("--automation", action="store_true")
    options, _ = parser.parse_known_args()
    return options


def persistent_context(profile: str, language: str) -> WebKit2.WebContext:
    """A web context whose data manager keeps everything under the profile folder."""
    data = WebKit2.WebsiteDataManager(
        base_data_directory=os.path.join(profile, "data"),
        base_cache_directory=os.path.join(profile, "cache"),
    )
    context = WebKit2.WebContext(website_data_manager=data)
    context.set_automation_allowed(True)
    context.set_preferred_languages([language])
    # The service worker and its caches need a real, non-ephemeral cache model.
    context.set_cache_model(WebKit2.CacheModel.WEB_BROWSER)
    return context


def content_manager(init_script: "str | None") -> WebKit2.UserContentManager:
    """Scripts for every document, before the page's own (WebDriver classic has no such hook)."""
    manager = WebKit2.UserContentManager()
    if init_script:
        with open(init_script, encoding="utf-8") as source:
            manager.add_script(
                WebKit2.UserScript(
                    source.read(),
                    WebKit2.UserContentInjectedFrames.ALL_FRAMES,
                    WebKit2.UserScriptInjectionTime.START,
                    None,
                    None,
                )
            )
    return manager


def open_window(context: WebKit2.WebContext, init_script: "str | None") -> WebKit2.WebView:
    """A shown window with one web view under automation: frames only run in a mapped view."""
    view = WebKit2.WebView(
        web_context=context,
        user_content_manager=content_manager(init_script),
        is_controlled_by_automation=True,
    )
    settings = view.get_settings()
    settings.set_enable_developer_extras(True)
    settings.set_javascript_can_open_windows_automatically(True)
    window = Gtk.Window()
    window.set_default_size(WIDTH, HEIGHT)
    window.add(view)
    view.connect("close", lambda _view: window.destroy())
    window.show_all()
    return view


def on_automation_started(
    context: WebKit2.WebContext, session: WebKit2.AutomationSession, init_script: "str | None"
) -> None:
    info = WebKit2.ApplicationInfo()
    info.set_name("terskel-webkit-browser")
    info.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), 0)
    session.set_application_info(info)
    session.connect("create-web-view", lambda _session: open_window(context, init_script))


def main() -> None:
    options = parse_arguments()
    os.makedirs(options.profile, exist_ok=True)
    Gtk.init(sys.argv[:1])
    context = persistent_context(options.profile, options.lang)
    context.connect("automation-started", on_automation_started, options.init_script)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, Gtk.main_quit)
    Gtk.main()


if __name__ == "__main__":
    main()
