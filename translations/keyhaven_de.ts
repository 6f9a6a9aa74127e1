<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <source>Keyhaven</source>
        <translation type="vanished">Keyhaven</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ApiKeysPanel</name>
    <message>
        <location filename="../ui/panels/apikeyspanel.cpp" line="10"/>
        <source>API Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/apikeyspanel.cpp" line="11"/>
        <source>API keys are long-lived secrets that identify an application, usually sent in a header such as X-API-Key over HTTPS. Keep them out of URLs, where they end up in logs and browser history, and replace them on a schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/apikeyspanel.cpp" line="14"/>
        <source>&amp;Add API Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/apikeyspanel.cpp" line="15"/>
        <source>No API keys yet. Press Ctrl+N to add one; its secret goes to the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ConnectionsPanel</name>
    <message>
        <location filename="../ui/panels/connectionspanel.cpp" line="10"/>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/connectionspanel.cpp" line="11"/>
        <source>An OAuth 2.0 connection grants limited, scoped access to an API without sharing a password: the authorization server issues a short-lived access token, and a refresh token gets a new one when it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/connectionspanel.cpp" line="14"/>
        <source>&amp;Add Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/connectionspanel.cpp" line="15"/>
        <source>No connections yet. Press Ctrl+N to add one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ItemDialog</name>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="32"/>
        <source>Add API Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="32"/>
        <source>Edit API Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="35"/>
        <source>Add Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="35"/>
        <source>Edit Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="38"/>
        <source>Add Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="38"/>
        <source>Edit Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="46"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="46"/>
        <source>A unique name, used by keyhaven-cli too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="47"/>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="47"/>
        <source>Who is responsible for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="48"/>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="48"/>
        <source>Separated by commas or spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="52"/>
        <source>&amp;Header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="53"/>
        <source>The HTTP header that carries the key, e.g. X-API-Key or Authorization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="55"/>
        <source>&amp;Base URLs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="56"/>
        <source>The only origins the key may be sent to (separated by spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="61"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="62"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="64"/>
        <source>Long-lived keys should be replaced regularly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="65"/>
        <source>&amp;Rotate every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="70"/>
        <source>&amp;Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="70"/>
        <source>The authorization server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="72"/>
        <source>&amp;Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="74"/>
        <source>&amp;Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="74"/>
        <source>Separated by spaces, e.g. openid email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="82"/>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="85"/>
        <source>&amp;Replace the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="97"/>
        <source>Show the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="103"/>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="106"/>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="110"/>
        <source>&amp;Access token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="112"/>
        <source>optional: empty until the first login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="117"/>
        <source>The secret is stored in the system keychain, never in Keyhaven&apos;s database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="134"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="134"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ItemPanel</name>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="59"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="60"/>
        <location filename="../ui/panels/itempanel.cpp" line="421"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="61"/>
        <source>&amp;Copy Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="62"/>
        <location filename="../ui/panels/itempanel.cpp" line="491"/>
        <source>&amp;Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="81"/>
        <source>Search name, owner, tags, header, URL, issuer… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/panels/itempanel.cpp" line="129"/>
        <source>Secrets are read from the keychain only when you reveal or copy them, and are masked again after %n seconds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="280"/>
        <source>No keychain is reachable, so secrets cannot be stored or read. Start a Secret Service (e.g. gnome-keyring) and restart Keyhaven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="291"/>
        <source>Add a new item (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="294"/>
        <source>Delete the item and its secret (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="300"/>
        <source>The keychain has no secret for this item. Edit it to store one again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="302"/>
        <source>Select an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/panels/itempanel.cpp" line="305"/>
        <source>Copy the secret; the clipboard is cleared again after %n s (Ctrl+C)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="311"/>
        <source>Read the secret from the keychain and show it briefly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="314"/>
        <source>No item selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="316"/>
        <source>%1 — secret missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="327"/>
        <source>No item matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="364"/>
        <source>Could not add “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="370"/>
        <source>Added “%1”; its secret is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="389"/>
        <source>Could not save “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="393"/>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="400"/>
        <source>Could not store the new secret of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="404"/>
        <source>Saved “%1” and replaced its secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="415"/>
        <source>Delete Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="416"/>
        <source>Delete “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="419"/>
        <source>Its secret is removed from the keychain too. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="430"/>
        <source>Could not delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="433"/>
        <source>Deleted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="451"/>
        <location filename="../ui/panels/itempanel.cpp" line="470"/>
        <source>Could not read the secret of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/panels/itempanel.cpp" line="457"/>
        <source>Copied — clears in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="479"/>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ItemTableModel</name>
    <message numerus="yes">
        <location filename="../ui/models/itemtablemodel.cpp" line="270"/>
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/itemtablemodel.cpp" line="272"/>
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/itemtablemodel.cpp" line="274"/>
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/itemtablemodel.cpp" line="276"/>
        <source>%n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/itemtablemodel.cpp" line="278"/>
        <source>%n years</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="279"/>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="279"/>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="298"/>
        <source>no schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="301"/>
        <source>overdue since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="302"/>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="312"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="315"/>
        <source>expired %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="324"/>
        <source>in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="326"/>
        <source>secret missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="328"/>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="342"/>
        <source>never (created %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="345"/>
        <source>Last rotated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/itemtablemodel.cpp" line="346"/>
        <source>Rotation interval: %n days. Last rotated: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="352"/>
        <source>The token has no expiry (no exp claim).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="356"/>
        <source>The secret is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="358"/>
        <source>The keychain has no secret for this item. Edit the item to store it again, or delete the item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="361"/>
        <source>The keychain has not been checked for this secret yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="416"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="418"/>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="420"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="422"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="424"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="426"/>
        <source>Rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="428"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="430"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="432"/>
        <source>Audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="434"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="436"/>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="438"/>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/itemtablemodel.cpp" line="440"/>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="36"/>
        <source>Keyhaven</source>
        <translation type="unfinished">Keyhaven</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="70"/>
        <source>&amp;Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="83"/>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="84"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>&amp;Copy Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="87"/>
        <source>&amp;Reveal Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="90"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="94"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="139"/>
        <source>Keychain: available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="140"/>
        <source>Secrets are stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="144"/>
        <source>Keychain: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <source>Keychain: not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="150"/>
        <source>Secrets cannot be stored or read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="151"/>
        <source>No keychain is reachable — secrets cannot be stored or read. Start a Secret Service (e.g. gnome-keyring) and restart Keyhaven.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::TokensPanel</name>
    <message>
        <location filename="../ui/panels/tokenspanel.cpp" line="10"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/tokenspanel.cpp" line="11"/>
        <source>Bearer tokens are short-lived passes sent as &quot;Authorization: Bearer …&quot;. A JWT has three parts (header.payload.signature); the payload is only base64url-encoded, so anyone holding the token can read it, and the signature only proves it was not altered. Watch the expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/tokenspanel.cpp" line="15"/>
        <source>&amp;Add Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/panels/tokenspanel.cpp" line="16"/>
        <source>No tokens yet. Press Ctrl+N to add a JWT; it is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="72"/>
        <source>Keep, inspect and use API credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="76"/>
        <source>Fill an empty store with a few sample items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="78"/>
        <source>Save a PNG of the main window to &lt;file&gt; once it is painted, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="80"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="82"/>
        <source>Print the time to the first paint and the resident memory, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="90"/>
        <source>Keyhaven cannot open its database:
%1

Check that the folder is writable and that no other program holds the file locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="99"/>
        <source>Keyhaven</source>
        <translation type="unfinished">Keyhaven</translation>
    </message>
</context>
</TS>
