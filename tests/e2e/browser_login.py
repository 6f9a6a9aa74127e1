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


class Driver:
    """chromedriver started by us on 127.0.0.1 and reached by that literal address: Selenium's
    own Service polls "localhost", which does not resolve on a machine without /etc/hosts (a
    fresh debootstrap)."""

    def __init__(self, profile):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.process = subprocess.Popen(
            ["/usr/bin/chromedriver", f"--port={port}", "--allowed-ips=127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.process.kill()
                    raise RuntimeError("chromedriver did not start")
                time.sleep(0.1)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        # As the machine notes say: without the background-networking flags Chromium keeps
        # trying to reach Google's hosts, which this closed network refuses.
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                     f"--user-data-dir={profile}"):
            options.add_argument(flag)
        try:
            self.web = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}",
                                        options=options)
        except Exception:
            self.process.kill()
            raise

    def quit(self):
        try:
            self.web.quit()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


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
