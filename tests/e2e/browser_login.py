#!/usr/bin/python3
"""Plays the user in a real browser: opens an authorization URL in headless Chromium (Debian's
chromium + chromium-driver, driven by python3-selenium), signs in on oidc-provider's login page,
answers the consent page, and waits until the browser has been sent to the redirect URI.

Usage: browser_login.py URL [--login NAME] [--deny] [--expect-text TEXT] [--timeout SECONDS]
Prints one JSON line: {"final_url": ..., "page_text": ...}. Exit 0 when the redirect URI
page was reached, 1 otherwise (with the reason on stderr).
"""
import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, process, what):
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{what} did not start")
            time.sleep(0.1)


class Driver:
    """Chromium and chromedriver started by us, each on an OS-chosen 127.0.0.1 port and reached
    by that literal address. Left to themselves, Selenium and chromedriver connect through the
    name "localhost", which does not resolve on a machine without /etc/hosts (a fresh
    debootstrap): chromedriver then fails with "unable to connect to renderer"."""

    def __init__(self, profile):
        self.processes = []
        try:
            devtools = free_port()
            # As the machine notes say: without the background-networking flags Chromium keeps
            # trying to reach Google's hosts, which this closed network refuses.
            browser = subprocess.Popen(
                ["/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1",
                 f"--remote-debugging-port={devtools}", "about:blank"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.processes.append(browser)
            wait_for_port(devtools, browser, "chromium")
            port = free_port()
            driver = subprocess.Popen(
                ["/usr/bin/chromedriver", f"--port={port}", "--allowed-ips=127.0.0.1"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.processes.append(driver)
            wait_for_port(port, driver, "chromedriver")
            options = webdriver.ChromeOptions()
            options.debugger_address = f"127.0.0.1:{devtools}"
            self.web = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}",
                                        options=options)
        except Exception:
            self.stop()
            raise

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def quit(self):
        try:
            self.web.quit()
        finally:
            self.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--login", default="alice")
    parser.add_argument("--deny", action="store_true", help="abort at the consent page")
    parser.add_argument("--redirect-prefix", default="http://127.0.0.1:")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()

    profile = tempfile.mkdtemp(prefix="keyhaven-chromium-")
    try:
        owner = Driver(profile)
    except Exception as e:  # noqa: BLE001 - report why the browser could not start
        shutil.rmtree(profile, ignore_errors=True)
        print(f"browser_login: cannot start the browser: {e}", file=sys.stderr)
        return 1
    driver = owner.web
    try:
        driver.set_page_load_timeout(args.timeout)
        driver.get(args.url)
        deadline = time.monotonic() + args.timeout
        issuer_origin = args.url.split("/", 3)[:3]
        while time.monotonic() < deadline:
            url = driver.current_url
            on_provider = url.split("/", 3)[:3] == issuer_origin
            if not on_provider and url.startswith(args.redirect_prefix):
                print(json.dumps({"final_url": url,
                                  "page_text": driver.find_element(By.TAG_NAME, "body").text}))
                return 0
            if args.deny:
                # The user says no: oidc-provider's pages offer an "[ Abort ]" link.
                aborts = [a for a in driver.find_elements(By.TAG_NAME, "a")
                          if "abort" in a.text.lower() or "cancel" in a.text.lower()]
                if aborts:
                    aborts[0].click()
                    time.sleep(0.2)
                    continue
            logins = driver.find_elements(By.CSS_SELECTOR, "input[name=login]")
            if logins:
                logins[0].clear()
                logins[0].send_keys(args.login)
                passwords = driver.find_elements(By.CSS_SELECTOR, "input[name=password]")
                if passwords:
                    passwords[0].send_keys("any-password")
                driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
                time.sleep(0.2)
                continue
            buttons = driver.find_elements(By.CSS_SELECTOR, "button[type=submit]")
            if buttons and not args.deny:
                buttons[0].click()
                time.sleep(0.2)
                continue
            time.sleep(0.1)
        print(f"browser_login: no redirect within {args.timeout}s; last page {driver.current_url}:"
              f" {driver.find_element(By.TAG_NAME, 'body').text[:400]}", file=sys.stderr)
        return 1
    except WebDriverException as e:
        print(f"browser_login: {e.msg if hasattr(e, 'msg') else e}", file=sys.stderr)
        return 1
    finally:
        owner.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
