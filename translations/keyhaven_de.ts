<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>keyhaven::ui::ApiKeysPanel</name>
    <message>
        <location filename="../ui/panels/apikeyspanel.cpp" line="+10"/>
        <source>API Keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API keys are long-lived secrets that identify an application, usually sent in a header such as X-API-Key over HTTPS. Keep them out of URLs, where they end up in logs and browser history, and replace them on a schedule.</source>
        <translation>API-Schlüssel sind langlebige Geheimnisse, die eine Anwendung identifizieren; meist werden sie in einem Header wie X-API-Key über HTTPS gesendet. Halten Sie sie aus URLs heraus, wo sie in Protokollen und im Browserverlauf landen, und ersetzen Sie sie regelmäßig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add API Key…</source>
        <translation>API-Schlüssel &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No API keys yet. Press Ctrl+N to add one; its secret goes to the system keychain.</source>
        <translation>Noch keine API-Schlüssel. Drücken Sie Strg+N, um einen hinzuzufügen; sein Geheimnis wird im Schlüsselbund des Systems gespeichert.</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ClaimTreeModel</name>
    <message>
        <location filename="../ui/models/inspectionmodels.cpp" line="+55"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How the token is signed (or encrypted)</source>
        <translation>Wie das Token signiert (oder verschlüsselt) ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Encrypted: cannot be read without the key</source>
        <translation>Verschlüsselt: ohne den Schlüssel nicht lesbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload (claims)</source>
        <translation>Payload (Claims)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the token says; not secret</source>
        <translation>Was das Token aussagt; nicht geheim</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::CollectionsModel</name>
    <message>
        <location filename="../ui/models/collectionsmodel.cpp" line="+102"/>
        <source>1 saved request</source>
        <extracomment>Saved requests: the tooltip of a collection</extracomment>
        <translation>1 gespeicherte Anfrage</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n saved requests</source>
        <translation>
            <numerusform>%n gespeicherte Anfrage</numerusform>
            <numerusform>%n gespeicherte Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved requests</source>
        <translation>Gespeicherte Anfragen</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ConnectionDialog</name>
    <message>
        <location filename="../ui/dialogs/connectiondialog.cpp" line="+26"/>
        <source>Issuer mismatch: the provider names itself differently. Use exactly the issuer it publishes. (%1)</source>
        <translation>Aussteller stimmt nicht überein: Der Anbieter nennt sich anders. Verwenden Sie genau den Aussteller, den er veröffentlicht. (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Insecure issuer: HTTPS is required (plain HTTP only on 127.0.0.1 / localhost). (%1)</source>
        <translation>Unsicherer Aussteller: HTTPS ist erforderlich (einfaches HTTP nur auf 127.0.0.1 / localhost). (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Provider unreachable. (%1)</source>
        <translation>Anbieter nicht erreichbar. (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(not advertised)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Discover</source>
        <translation>&amp;Ermitteln</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add Connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+90"/>
        <source>Endpoints appear here after discovery.</source>
        <translation>Endpunkte erscheinen hier nach der Ermittlung.</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>One KEY=VALUE per line (audience, resource, prompt)</source>
        <translation>Ein SCHLÜSSEL=WERT pro Zeile (audience, resource, prompt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issuer:</source>
        <translation>&amp;Aussteller:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoints:</source>
        <translation>Endpunkte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scopes:</source>
        <translation>&amp;Scopes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra &amp;parameters:</source>
        <translation>Zusätzliche &amp;Parameter:</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Enter the issuer URL of the authorization server.</source>
        <translation>Geben Sie die Aussteller-URL des Autorisierungsservers ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OAuth is not available (no vault).</source>
        <translation>OAuth ist nicht verfügbar (kein Tresor).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Discovering…</source>
        <translation>Wird ermittelt…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revocation</source>
        <translation>Widerruf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introspection</source>
        <translation>Introspektion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWKS</source>
        <translation>JWKS</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Discover the issuer first.</source>
        <translation>Ermitteln Sie zuerst den Aussteller.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the client ID registered with the provider.</source>
        <translation>Geben Sie die beim Anbieter registrierte Client-ID ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extra parameters need KEY=VALUE, got &quot;%1&quot;.</source>
        <translation>Zusätzliche Parameter müssen SCHLÜSSEL=WERT lauten, erhalten: „%1“.</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ConnectionsPanel</name>
    <message>
        <location filename="../ui/panels/connectionspanel.cpp" line="+38"/>
        <source>Login cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login timed out: the browser did not come back in time.</source>
        <translation>Zeitüberschreitung bei der Anmeldung: Der Browser hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login denied: %1</source>
        <translation>Anmeldung verweigert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An OAuth 2.0 connection grants limited, scoped access to an API without sharing a password: the authorization server issues a short-lived access token, and a refresh token gets a new one when it expires.</source>
        <translation>Eine OAuth-2.0-Verbindung gewährt begrenzten, auf Scopes beschränkten Zugriff auf eine API, ohne ein Passwort weiterzugeben: Der Autorisierungsserver stellt ein kurzlebiges Zugriffstoken aus, und ein Aktualisierungstoken holt ein neues, wenn es abläuft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add Connection…</source>
        <translation>Verbindung &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No connections yet. Press Ctrl+N to add one.</source>
        <translation>Noch keine Verbindungen. Drücken Sie Strg+N, um eine hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Selected connection</source>
        <translation>Ausgewählte Verbindung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel Login</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Introspect</source>
        <translation>&amp;Introspektion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Claims</source>
        <translation>&amp;Claims anzeigen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject:</source>
        <translation>Subjekt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granted scopes:</source>
        <translation>Gewährte Scopes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Member</source>
        <translation>Element</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires in %1 s</source>
        <translation>läuft ab in %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires in %1 min %2 s</source>
        <translation>läuft ab in %1 min %2 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires in %1 h %2 min</source>
        <translation>läuft ab in %1 h %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expires in %1 d %2 h</source>
        <translation>läuft ab in %1 d %2 h</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expiry unknown</source>
        <translation>Ablauf unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none stored</source>
        <translation>keines gespeichert</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>log in again (the provider refused the refresh token)</source>
        <translation>erneut anmelden (der Anbieter hat das Aktualisierungstoken abgelehnt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not logged in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>access token expired (Refresh gets a new one)</source>
        <translation>Zugriffstoken abgelaufen (Aktualisieren holt ein neues)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>logged in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none recorded)</source>
        <translation>(nichts aufgezeichnet)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Could not add “%1”: %2</source>
        <translation>„%1“ konnte nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added “%1”. Press Log In to authorize it.</source>
        <translation>„%1“ hinzugefügt. Drücken Sie Anmelden, um es zu autorisieren.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Waiting for the browser… Complete the login there, or cancel.</source>
        <translation>Warten auf den Browser… Schließen Sie dort die Anmeldung ab oder brechen Sie ab.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starting the login…</source>
        <translation>Anmeldung wird gestartet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Logged in to “%1”.</source>
        <translation>Bei „%1“ angemeldet.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Refreshed the access token of “%1”.</source>
        <translation>Zugriffstoken von „%1“ aktualisiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in again: %1</source>
        <translation>Erneut anmelden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh failed: %1</source>
        <translation>Aktualisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Revoke Connection</source>
        <translation>Verbindung widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log out of “%1”?</source>
        <translation>Von „%1“ abmelden?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The provider revokes its tokens and they are deleted from the keychain. The connection stays; log in again to use it.</source>
        <translation>Der Anbieter widerruft seine Tokens und sie werden aus dem Schlüsselbund gelöscht. Die Verbindung bleibt bestehen; melden Sie sich erneut an, um sie zu verwenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Revoked the tokens of “%1”.</source>
        <translation>Tokens von „%1“ widerrufen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke failed: %1</source>
        <translation>Widerruf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Introspection failed: %1</source>
        <translation>Introspektion fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The grant is active.</source>
        <translation>Die Berechtigung ist aktiv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The grant is not active.</source>
        <translation>Die Berechtigung ist nicht aktiv.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No tokens stored: log in first.</source>
        <translation>Keine Tokens gespeichert: Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ID token claims</source>
        <translation>Claims des ID-Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access token claims</source>
        <translation>Claims des Zugriffstokens</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(opaque: not a JWT)
</source>
        <translation>(opak: kein JWT)
</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::DashboardPanel</name>
    <message>
        <location filename="../ui/panels/dashboardpanel.cpp" line="+38"/>
        <source>&amp;Rotate…</source>
        <translation>&amp;Rotieren…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Filter by name, owner, tags, URL, issuer…</source>
        <translation>Nach Name, Besitzer, Tags, URL, Aussteller filtern…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot delete retired secrets: %1</source>
        <translation>Ausgemusterte Geheimnisse können nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted 1 retired secret from the keychain.</source>
        <translation>1 ausgemustertes Geheimnis aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted %1 retired secrets from the keychain.</source>
        <translation>%1 ausgemusterte Geheimnisse aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 overdue · %2 due soon · %3 expiring</source>
        <translation>%1 überfällig · %2 bald fällig · %3 laufen ab</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Rotation failed</source>
        <translation>Rotation fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” was not rotated: %2</source>
        <translation>„%1“ wurde nicht rotiert: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rotated “%1”.</source>
        <translation>„%1“ rotiert.</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::FindingsModel</name>
    <message>
        <location filename="../ui/models/inspectionmodels.cpp" line="+39"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Double-click to open %1</source>
        <translation>Doppelklicken, um %1 zu öffnen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::HarEntriesModel</name>
    <message>
        <location filename="../ui/dialogs/harpickerdialog.cpp" line="+66"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded status</source>
        <extracomment>HAR picker: the status the browser recorded for the entry</extracomment>
        <translation>Aufgezeichneter Status</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::HarPickerDialog</name>
    <message>
        <location line="+28"/>
        <source>Pick a HAR entry</source>
        <translation>HAR-Eintrag auswählen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any method</source>
        <extracomment>HAR picker: no method filter</extracomment>
        <translation>Jede Methode</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::HistoryModel</name>
    <message>
        <location filename="../ui/models/historymodel.cpp" line="+84"/>
        <source>none</source>
        <extracomment>History: the send got no answer (network error, cancelled)</extracomment>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <extracomment>History column: the vault item whose credential the request carried</extracomment>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::HistoryPanel</name>
    <message>
        <location filename="../ui/panels/historypanel.cpp" line="+31"/>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every request sent from Keyhaven (here or with keyhaven-cli replay), with each credential replaced by the name of its vault item. Response bodies are not kept.</source>
        <translation>Jede aus Keyhaven gesendete Anfrage (hier oder mit keyhaven-cli replay); jeder Zugangsnachweis ist durch den Namen seines Tresor-Eintrags ersetzt. Antwortinhalte werden nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search URL, status, item, diagnosis…</source>
        <translation>URL, Status, Eintrag, Diagnose durchsuchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load this request into the Requests panel; the item&apos;s current credential is used.</source>
        <translation>Diese Anfrage in den Bereich „Anfragen“ laden; der aktuelle Zugangsnachweis des Eintrags wird verwendet.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The history cannot be read: the database is not open.</source>
        <translation>Der Verlauf kann nicht gelesen werden: Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The history cannot be read: %1</source>
        <translation>Der Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Answer %1 · %2 · %3 ms total · %4 ms to first byte</source>
        <translation>Antwort %1 · %2 · %3 ms gesamt · %4 ms bis zum ersten Byte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <location filename="../ui/panels/historypanel.h" line="+26"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::InspectorPanel</name>
    <message>
        <location filename="../ui/panels/inspectorpanel.h" line="+47"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location filename="../ui/panels/inspectorpanel.cpp" line="+110"/>
        <source>From issuer…</source>
        <translation>Vom Aussteller…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy claims as JSON</source>
        <translation>Claims als JSON kopieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Paste or drop a token (a leading &quot;Bearer &quot; is fine). Everything stays on this computer: the token is decoded and checked here, and no key is ever fetched.</source>
        <translation>Fügen Sie ein Token ein oder ziehen Sie es hierher (ein vorangestelltes „Bearer “ ist in Ordnung). Alles bleibt auf diesem Computer: Das Token wird hier dekodiert und geprüft, und es wird nie ein Schlüssel abgerufen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>eyJhbGciOi… — header.payload.signature</source>
        <translation>eyJhbGciOi… — header.payload.signature</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Token contents</source>
        <extracomment>Inspector: the tree of the token&apos;s header and payload members</extracomment>
        <translation>Inhalt des Tokens</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verification</source>
        <translation>Verifizierung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fetch the keys the issuer publishes (OpenID discovery, then its JWKS) and check that the token&apos;s &quot;iss&quot; names that issuer. The inspector goes online only when you ask it to, and never follows a URL found in the token.</source>
        <translation>Lädt die Schlüssel, die der Aussteller veröffentlicht (OpenID Discovery, dann sein JWKS), und prüft, dass „iss“ des Tokens diesen Aussteller nennt. Der Inspektor geht nur online, wenn Sie es verlangen, und folgt nie einer URL aus dem Token.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste a PEM public key or certificate, a JWK or JWKS, or an HMAC secret</source>
        <translation>Fügen Sie einen öffentlichen PEM-Schlüssel oder ein Zertifikat, ein JWK oder JWKS oder ein HMAC-Geheimnis ein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from the key type, e.g. RS256, ES256</source>
        <translation>aus dem Schlüsseltyp, z. B. RS256, ES256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma-separated. The token&apos;s own &quot;alg&quot; is never trusted on its own (RFC 8725 §3.1).</source>
        <translation>Durch Kommas getrennt. Dem eigenen „alg“ des Tokens wird nie allein vertraut (RFC 8725 §3.1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allowed &amp;algorithms:</source>
        <translation>Erlaubte &amp;Algorithmen:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No key: read only</source>
        <translation>Kein Schlüssel: nur lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pasted key (below)</source>
        <translation>Eingefügter Schlüssel (unten)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vault: %1</source>
        <translation>Tresor: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The key could not be read from the keychain: %1</source>
        <translation>Der Schlüssel konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Keys from an Issuer</source>
        <translation>Schlüssel eines Ausstellers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer URL (HTTPS, or HTTP on this machine). Keyhaven reads its OpenID discovery document, then the keys it publishes:</source>
        <translation>Aussteller-URL (HTTPS, oder HTTP auf diesem Rechner). Keyhaven liest sein OpenID-Discovery-Dokument, dann die Schlüssel, die er veröffentlicht:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Fetching the keys published by %1…</source>
        <translation>Lade die von %1 veröffentlichten Schlüssel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not get the keys of %1: %2</source>
        <translation>Die Schlüssel von %1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Verifying with the key published by %1.</source>
        <translation>Prüfe mit dem von %1 veröffentlichten Schlüssel.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Verifying with the %n keys published by %1.</source>
        <translation>
            <numerusform>Prüfe mit dem %n von %1 veröffentlichten Schlüssel.</numerusform>
            <numerusform>Prüfe mit den %n von %1 veröffentlichten Schlüsseln.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not read “%1”: %2</source>
        <translation>„%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inspecting “%1”.</source>
        <translation>„%1“ wird untersucht.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reading a %1 kB token…</source>
        <translation>Ein Token mit %1 kB wird gelesen…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing to show.</source>
        <translation>Nichts anzuzeigen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Paste a token above.</source>
        <translation>Fügen Sie oben ein Token ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypted token (JWE): it cannot be read or verified without the decryption key.</source>
        <translation>Verschlüsseltes Token (JWE): Es kann ohne den Entschlüsselungsschlüssel weder gelesen noch verifiziert werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key cannot be used: %1</source>
        <translation>Der Schlüssel ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not verified: choose or paste a key to check the signature.</source>
        <translation>Nicht verifiziert: Wählen Sie einen Schlüssel oder fügen Sie einen ein, um die Signatur zu prüfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ Valid: the signature (%1) matches the key and the times are fine.</source>
        <translation>✔ Gültig: Die Signatur (%1) passt zum Schlüssel und die Zeiten sind in Ordnung.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>✘ Invalid: 1 error below. Do not accept this token.</source>
        <translation>✘ Ungültig: 1 Fehler (siehe unten). Dieses Token nicht akzeptieren.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>✘ Invalid: %n errors below. Do not accept this token.</source>
        <translation>
            <numerusform>✘ Ungültig: %n Fehler (siehe unten). Dieses Token nicht akzeptieren.</numerusform>
            <numerusform>✘ Ungültig: %n Fehler (siehe unten). Dieses Token nicht akzeptieren.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>None: the token breaks none of the rules checked (RFC 8725).</source>
        <translation>Keine: Das Token verletzt keine der geprüften Regeln (RFC 8725).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None found so far; the signature and times are checked once a key is given.</source>
        <translation>Bisher keine; Signatur und Zeiten werden geprüft, sobald ein Schlüssel angegeben ist.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Claims copied as JSON.</source>
        <translation>Claims als JSON kopiert.</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ItemDialog</name>
    <message>
        <location filename="../ui/dialogs/itemdialog.cpp" line="+33"/>
        <source>Add API Key</source>
        <translation>API-Schlüssel hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit API Key</source>
        <translation>API-Schlüssel bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Token</source>
        <translation>Token hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Token</source>
        <translation>Token bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Connection</source>
        <translation>Verbindung bearbeiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A unique name, used by keyhaven-cli too.</source>
        <translation>Ein eindeutiger Name, auch von keyhaven-cli verwendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Besitzer:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who is responsible for it.</source>
        <translation>Wer dafür verantwortlich ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Separated by commas or spaces.</source>
        <translation>Durch Kommas oder Leerzeichen getrennt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Header:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The HTTP header that carries the key, e.g. X-API-Key or Authorization.</source>
        <translation>Der HTTP-Header, der den Schlüssel überträgt, z. B. X-API-Key oder Authorization.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Base URLs:</source>
        <translation>&amp;Basis-URLs:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The only origins the key may be sent to (separated by spaces).</source>
        <translation>Die einzigen Origins, an die der Schlüssel gesendet werden darf (durch Leerzeichen getrennt).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Long-lived keys should be replaced regularly.</source>
        <translation>Langlebige Schlüssel sollten regelmäßig ersetzt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rotate every:</source>
        <translation>&amp;Rotieren alle:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Issuer:</source>
        <translation>&amp;Aussteller:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The authorization server.</source>
        <translation>Der Autorisierungsserver.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Scopes:</source>
        <translation>&amp;Scopes:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Separated by spaces, e.g. openid email.</source>
        <translation>Durch Leerzeichen getrennt, z. B. openid email.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Replace the secret</source>
        <translation>Geheimnis &amp;ersetzen</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+2"/>
        <source>Show the secret</source>
        <translation>Geheimnis anzeigen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Access token:</source>
        <translation>&amp;Zugriffstoken:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional: empty until the first login</source>
        <translation>optional: leer bis zur ersten Anmeldung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The secret is stored in the system keychain, never in Keyhaven&apos;s database.</source>
        <translation>Das Geheimnis wird im Schlüsselbund des Systems gespeichert, nie in der Datenbank von Keyhaven.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ItemPanel</name>
    <message>
        <location filename="../ui/panels/itempanel.cpp" line="+62"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+375"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="-374"/>
        <source>&amp;Copy Secret</source>
        <translation>Geheimnis &amp;kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+443"/>
        <source>&amp;Reveal</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <location line="-423"/>
        <source>Search name, owner, tags, header, URL, issuer… (Ctrl+F)</source>
        <translation>Name, Besitzer, Tags, Header, URL, Aussteller suchen… (Strg+F)</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>Secrets are read from the keychain only when you reveal or copy them, and are masked again after %n seconds.</source>
        <translation>
            <numerusform>Geheimnisse werden nur aus dem Schlüsselbund gelesen, wenn Sie sie anzeigen oder kopieren, und nach %n Sekunde wieder maskiert.</numerusform>
            <numerusform>Geheimnisse werden nur aus dem Schlüsselbund gelesen, wenn Sie sie anzeigen oder kopieren, und nach %n Sekunden wieder maskiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+162"/>
        <source>No keychain is reachable, so secrets cannot be stored or read. Start a Secret Service (e.g. gnome-keyring) and restart Keyhaven.</source>
        <translation>Kein Schlüsselbund erreichbar, daher können Geheimnisse weder gespeichert noch gelesen werden. Starten Sie einen Secret Service (z. B. gnome-keyring) und starten Sie Keyhaven neu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add a new item (Ctrl+N)</source>
        <translation>Neues Element hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the item and its secret (Del)</source>
        <translation>Element und sein Geheimnis löschen (Entf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keychain has no secret for this item. Edit it to store one again.</source>
        <translation>Der Schlüsselbund enthält kein Geheimnis für dieses Element. Bearbeiten Sie es, um erneut eines zu speichern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select an item first.</source>
        <translation>Wählen Sie zuerst ein Element aus.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Copy the secret; the clipboard is cleared again after %n s (Ctrl+C)</source>
        <translation>
            <numerusform>Geheimnis kopieren; die Zwischenablage wird nach %n s wieder geleert (Strg+C)</numerusform>
            <numerusform>Geheimnis kopieren; die Zwischenablage wird nach %n s wieder geleert (Strg+C)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read the secret from the keychain and show it briefly</source>
        <translation>Geheimnis aus dem Schlüsselbund lesen und kurz anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No item selected</source>
        <translation>Kein Element ausgewählt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — secret missing</source>
        <translation>%1 — Geheimnis fehlt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No item matches “%1”.</source>
        <translation>Kein Element passt zu „%1“.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not add “%1”</source>
        <translation>„%1“ konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Added “%1”; its secret is in the keychain.</source>
        <translation>„%1“ hinzugefügt; sein Geheimnis liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not save “%1”</source>
        <translation>„%1“ konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not store the new secret of “%1”</source>
        <translation>Das neue Geheimnis von „%1“ konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved “%1” and replaced its secret.</source>
        <translation>„%1“ gespeichert und sein Geheimnis ersetzt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete Item</source>
        <translation>Element löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “%1”?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its secret is removed from the keychain too. This cannot be undone.</source>
        <translation>Sein Geheimnis wird ebenfalls aus dem Schlüsselbund entfernt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not delete “%1”</source>
        <translation>„%1“ konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+19"/>
        <source>Could not read the secret of “%1”</source>
        <translation>Das Geheimnis von „%1“ konnte nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <location line="-13"/>
        <source>Copied — clears in %n s</source>
        <translation>
            <numerusform>Kopiert — wird in %n s geleert</numerusform>
            <numerusform>Kopiert — wird in %n s geleert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Hide</source>
        <translation>&amp;Verbergen</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::ItemTableModel</name>
    <message numerus="yes">
        <location filename="../ui/models/itemtablemodel.cpp" line="+318"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n years</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+35"/>
        <source>no schedule</source>
        <translation>kein Zeitplan</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+28"/>
        <source>overdue for 1 day</source>
        <translation>seit 1 Tag überfällig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>overdue for %1 days</source>
        <translation>seit %1 Tagen überfällig</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+32"/>
        <source>due today</source>
        <translation>heute fällig</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>expired today</source>
        <translation>heute abgelaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired 1 day ago</source>
        <translation>vor 1 Tag abgelaufen</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>expired %n days ago</source>
        <translation>
            <numerusform>vor %n Tag abgelaufen</numerusform>
            <numerusform>vor %n Tagen abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires today</source>
        <translation>läuft heute ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires in 1 day</source>
        <translation>läuft in 1 Tag ab</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>expires in %n days</source>
        <translation>
            <numerusform>läuft in %n Tag ab</numerusform>
            <numerusform>läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>overdue for %n days</source>
        <translation>
            <numerusform>seit %n Tag überfällig</numerusform>
            <numerusform>seit %n Tagen überfällig</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+29"/>
        <source>due in 1 day</source>
        <translation>fällig in 1 Tag</translation>
    </message>
    <message numerus="yes">
        <location line="-29"/>
        <source>due in %n days</source>
        <translation>
            <numerusform>fällig in %n Tag</numerusform>
            <numerusform>fällig in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>due in %1 days</source>
        <translation>fällig in %1 Tagen</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+28"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>expired %1</source>
        <translation>abgelaufen %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OAuth</source>
        <translation>OAuth</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>in keychain</source>
        <translation>im Schlüsselbund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>secret missing</source>
        <translation>Geheimnis fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>never (created %1)</source>
        <translation>nie (erstellt %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last rotated: %1</source>
        <translation>Zuletzt rotiert: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Rotation interval: %n days. Last rotated: %1</source>
        <translation>
            <numerusform>Rotationsintervall: %n Tag. Zuletzt rotiert: %1</numerusform>
            <numerusform>Rotationsintervall: %n Tage. Zuletzt rotiert: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The refresh token expires %1.</source>
        <translation>Das Aktualisierungstoken läuft am %1 ab.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The provider did not say when the refresh token expires.</source>
        <translation>Der Anbieter hat nicht angegeben, wann das Aktualisierungstoken abläuft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token has no expiry (no exp claim).</source>
        <translation>Das Token läuft nie ab (kein exp-Claim).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The secret is stored in the system keychain.</source>
        <translation>Das Geheimnis ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain has no secret for this item. Edit the item to store it again, or delete the item.</source>
        <translation>Der Schlüsselbund enthält kein Geheimnis für dieses Element. Bearbeiten Sie das Element, um es erneut zu speichern, oder löschen Sie das Element.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keychain has not been checked for this secret yet.</source>
        <translation>Der Schlüsselbund wurde für dieses Geheimnis noch nicht geprüft.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last rotated</source>
        <translation>Zuletzt rotiert</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::KeyValueModel</name>
    <message>
        <location filename="../ui/models/keyvaluemodel.cpp" line="+88"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::LifetimeBar</name>
    <message>
        <location filename="../ui/panels/lifetimebar.cpp" line="+57"/>
        <source>issued: %1
</source>
        <translation>ausgestellt: %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>valid from: %1
</source>
        <translation>gültig ab: %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires: %1
</source>
        <translation>läuft ab: %1
</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+55"/>
        <source>Keyhaven</source>
        <translation>Keyhaven</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The replay history cannot be opened: %1</source>
        <translation>Der Verlauf der Anfragen kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Item</source>
        <translation>&amp;Element</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy Secret</source>
        <translation>Geheimnis &amp;kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reveal Secret</source>
        <translation>Geheimnis &amp;anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start at &amp;Login</source>
        <translation>Beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start Keyhaven in the system tray when you log in, so that it can remind you of keys overdue for rotation.</source>
        <translation>Keyhaven beim Anmelden im Systembereich starten, damit es an überfällige Schlüsselrotationen erinnern kann.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Keyhaven starts in the tray when you log in.</source>
        <translation>Keyhaven startet beim Anmelden im Systembereich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyhaven no longer starts when you log in.</source>
        <translation>Keyhaven startet nicht mehr beim Anmelden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start at Login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The login entry could not be changed:
%1</source>
        <translation>Der Anmeldeeintrag konnte nicht geändert werden:
%1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Keychain: available</source>
        <translation>Schlüsselbund: verfügbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrets are stored in the system keychain.</source>
        <translation>Geheimnisse werden im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keychain: checking…</source>
        <translation>Schlüsselbund: wird geprüft…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keychain: not reachable</source>
        <translation>Schlüsselbund: nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrets cannot be stored or read.</source>
        <translation>Geheimnisse können weder gespeichert noch gelesen werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No keychain is reachable — secrets cannot be stored or read. Start a Secret Service (e.g. gnome-keyring) and restart Keyhaven.</source>
        <translation>Kein Schlüsselbund erreichbar — Geheimnisse können weder gespeichert noch gelesen werden. Starten Sie einen Secret Service (z. B. gnome-keyring) und starten Sie Keyhaven neu.</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::RequestsPanel</name>
    <message>
        <location filename="../ui/panels/requestspanel.cpp" line="+83"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>The HAR file could not be read.</source>
        <translation>Die HAR-Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HAR import failed: %1</source>
        <translation>HAR-Import fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n HAR entries read.</source>
        <translation>
            <numerusform>%n HAR-Eintrag gelesen.</numerusform>
            <numerusform>%n HAR-Einträge gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 HAR entry read.</source>
        <translation>1 HAR-Eintrag gelesen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved requests</source>
        <translation>Gespeicherte Anfragen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import…</source>
        <extracomment>Saved requests: read a collection JSON file (e.g. from a git repository)</extracomment>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a collection from a JSON file</source>
        <translation>Eine Sammlung aus einer JSON-Datei importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the selected collection to a JSON file (no secrets: items are named)</source>
        <translation>Die ausgewählte Sammlung in eine JSON-Datei schreiben (ohne Geheimnisse: Tresor-Einträge werden nur benannt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1097"/>
        <location line="+217"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="-1300"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Collection…</source>
        <translation>Sammlung exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import Collection…</source>
        <translation>Sammlung importieren…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved requests need the vault&apos;s database.</source>
        <translation>Gespeicherte Anfragen brauchen die Datenbank des Tresors.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The saved requests cannot be opened: %1</source>
        <translation>Die gespeicherten Anfragen können nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Paste curl…</source>
        <translation>curl einfügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste a command from the browser&apos;s &quot;Copy as cURL&quot;.</source>
        <translation>Einen Befehl aus „Als cURL kopieren“ des Browsers einfügen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import HAR…</source>
        <translation>HAR importieren…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Environment:</source>
        <extracomment>Requests panel: the environment whose {{variables}} a saved request is sent with</extracomment>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit Environment…</source>
        <translation>Umgebung bearbeiten…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit, rename or delete the chosen environment; with &quot;No environment&quot; chosen, add a new one</source>
        <translation>Die gewählte Umgebung bearbeiten, umbenennen oder löschen; mit „Keine Umgebung“ eine neue anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the request in a collection, without its credential (%1)</source>
        <translation>Die Anfrage ohne ihren Zugangsnachweis in einer Sammlung speichern (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1022"/>
        <source>Save Request</source>
        <translation>Anfrage speichern</translation>
    </message>
    <message>
        <location line="-1005"/>
        <source>https://api.example.com/v1/resource</source>
        <translation>https://api.example.com/v1/resource</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Credential:</source>
        <extracomment>Requests panel: which vault item&apos;s credential the request carries</extracomment>
        <translation>Zugangsnachweis:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Move into vault</source>
        <extracomment>Requests panel: store the pasted credential as a new vault item</extracomment>
        <translation>In den Tresor verschieben</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>No body</source>
        <translation>Kein Inhalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+46"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+44"/>
        <location line="+559"/>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="-546"/>
        <source>None</source>
        <extracomment>Requests panel: the request carries no vault credential</extracomment>
        <translation>Keiner</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OAuth connection</source>
        <translation>OAuth-Verbindung</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>in header</source>
        <extracomment>Requests panel: the API key goes into this request header</extracomment>
        <translation>im Header</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in query parameter</source>
        <extracomment>Requests panel: the API key goes into this query parameter of the URL</extracomment>
        <translation>im Query-Parameter</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>in cookie</source>
        <extracomment>Requests panel: the API key goes into this cookie</extracomment>
        <translation>im Cookie</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>as Basic password</source>
        <translation>als Basic-Passwort</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+5"/>
        <source>as Bearer token</source>
        <translation>als Bearer-Token</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Parameter name</source>
        <translation>Parametername</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cookie name</source>
        <translation>Cookie-Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header name</source>
        <translation>Header-Name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>(1 byte of binary data, sent as imported)</source>
        <translation>(1 Byte Binärdaten, wird wie importiert gesendet)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>(%n bytes of binary data, sent as imported)</source>
        <translation>
            <numerusform>(%n Byte Binärdaten, werden wie importiert gesendet)</numerusform>
            <numerusform>(%n Bytes Binärdaten, werden wie importiert gesendet)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the vault has no item &quot;%1&quot; for the request&apos;s credential</source>
        <translation>der Tresor hat keinen Eintrag „%1“ für den Zugangsnachweis der Anfrage</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Allow this credential to go to %1 for this request only</source>
        <translation>Diesen Zugangsnachweis nur für diese Anfrage an %1 senden lassen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Blocked:</source>
        <translation>Blockiert:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The command could not be imported: %1</source>
        <translation>Der Befehl konnte nicht importiert werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown curl option %1 (not applied)</source>
        <translation>unbekannte curl-Option %1 (nicht angewendet)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>the command sends %n requests; the first one is loaded</source>
        <translation>
            <numerusform>der Befehl sendet %n Anfrage; die erste ist geladen</numerusform>
            <numerusform>der Befehl sendet %n Anfragen; die erste ist geladen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The pasted command carries a credential in the %1. Move it into the vault: the request then keeps only a reference to the item.</source>
        <translation>Der eingefügte Befehl enthält einen Zugangsnachweis (%1). Verschieben Sie ihn in den Tresor: Die Anfrage behält dann nur einen Verweis auf den Eintrag.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No keychain is reachable.</source>
        <translation>Kein Schlüsselbund ist erreichbar.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not moved: %1</source>
        <translation>Nicht verschoben: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The credential is now the vault item &quot;%1&quot;; the request refers to it.</source>
        <translation>Der Zugangsnachweis ist jetzt der Tresor-Eintrag „%1“; die Anfrage verweist darauf.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sent: a finding above blocks it.</source>
        <translation>Nicht gesendet: Ein Befund oben blockiert die Anfrage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not recorded in the history: %1</source>
        <translation>Nicht im Verlauf gespeichert: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 · %2 ms total · %3 ms to first byte</source>
        <translation>%1 · %2 ms gesamt · %3 ms bis zum ersten Byte</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(hex dump cut off; %1 in all)</source>
        <translation>(Hex-Ansicht gekürzt; insgesamt %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Body (empty)</source>
        <translation>Inhalt (leer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Body (JSON)</source>
        <translation>Inhalt (JSON)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Body (binary, hex)</source>
        <translation>Inhalt (binär, hex)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Paste curl command</source>
        <translation>curl-Befehl einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste a curl command, e.g. from the browser&apos;s developer tools (&quot;Copy as cURL&quot;). Nothing is sent yet.</source>
        <translation>Fügen Sie einen curl-Befehl ein, z. B. aus den Entwicklerwerkzeugen des Browsers („Als cURL kopieren“). Noch wird nichts gesendet.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Import HAR</source>
        <translation>HAR importieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HAR files (*.har *.json);;All files (*)</source>
        <translation>HAR-Dateien (*.har *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The HAR file has no entries.</source>
        <translation>Die HAR-Datei hat keine Einträge.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The saved requests cannot be read: %1</source>
        <translation>Die gespeicherten Anfragen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A saved collection cannot be read: %1</source>
        <translation>Eine gespeicherte Sammlung kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No environment</source>
        <extracomment>Requests panel: send a saved request without an environment&apos;s {{variables}}</extracomment>
        <translation>Keine Umgebung</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There is no saved request &quot;%1&quot; in &quot;%2&quot;.</source>
        <translation>In „%2“ gibt es keine gespeicherte Anfrage „%1“.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+11"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+253"/>
        <source>Delete Environment…</source>
        <translation>Umgebung löschen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete Environment</source>
        <translation>Umgebung löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the environment &quot;%1&quot; of &quot;%2&quot; and its variables?</source>
        <translation>Die Umgebung „%1“ von „%2“ mit ihren Variablen löschen?</translation>
    </message>
    <message>
        <location line="-386"/>
        <source>saved requests need the vault&apos;s database.</source>
        <translation>gespeicherte Anfragen brauchen die Datenbank des Tresors.</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>1 redirect</source>
        <translation>1 Weiterleitung</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n redirects</source>
        <translation>
            <numerusform>%n Weiterleitung</numerusform>
            <numerusform>%n Weiterleitungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+286"/>
        <source>Saved as &quot;%1&quot; in the collection &quot;%2&quot;.</source>
        <translation>Als „%1“ in der Sammlung „%2“ gespeichert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+184"/>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>The collection &quot;%1&quot; was deleted.</source>
        <translation>Die Sammlung „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The saved request &quot;%1&quot; was deleted.</source>
        <translation>Die gespeicherte Anfrage „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete the saved request &quot;%1&quot; of the collection &quot;%2&quot;?</source>
        <translation>Die gespeicherte Anfrage „%1“ der Sammlung „%2“ löschen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the collection &quot;%1&quot; with its saved requests and environments?</source>
        <translation>Die Sammlung „%1“ mit ihren gespeicherten Anfragen und Umgebungen löschen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete Saved Request</source>
        <translation>Gespeicherte Anfrage löschen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The request is saved without its credential: it names the vault item bound to it. {{name}} placeholders are filled from the collection&apos;s environment when it is sent.</source>
        <translation>Die Anfrage wird ohne ihren Zugangsnachweis gespeichert: Sie nennt den an sie gebundenen Tresor-Eintrag. Platzhalter wie {{name}} werden beim Senden aus der Umgebung der Sammlung gefüllt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Collection:</source>
        <translation>Sammlung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+158"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Not exported: there is no collection &quot;%1&quot;.</source>
        <translation>Nicht exportiert: Es gibt keine Sammlung „%1“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The collection &quot;%1&quot; was written to %2.</source>
        <translation>Die Sammlung „%1“ wurde nach %2 geschrieben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select the collection to export.</source>
        <translation>Wählen Sie die zu exportierende Sammlung aus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Collection</source>
        <translation>Sammlung exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+55"/>
        <source>Collections (*.json);;All files (*)</source>
        <translation>Sammlungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+5"/>
        <location line="+5"/>
        <location line="+20"/>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+24"/>
        <source>Import Collection</source>
        <translation>Sammlung importieren</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>A collection named &quot;%1&quot; exists. Replace it with the one from the file? Its saved requests and environments are lost.</source>
        <translation>Es gibt schon eine Sammlung „%1“. Durch die aus der Datei ersetzen? Ihre gespeicherten Anfragen und Umgebungen gehen verloren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The collection &quot;%1&quot; was imported.</source>
        <translation>Die Sammlung „%1“ wurde importiert.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The environment was not saved: %1</source>
        <translation>Die Umgebung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The environment &quot;%1&quot; of &quot;%2&quot; was saved.</source>
        <translation>Die Umgebung „%1“ von „%2“ wurde gespeichert.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The environment &quot;%1&quot; of &quot;%2&quot; was deleted.</source>
        <translation>Die Umgebung „%1“ von „%2“ wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Environment of &quot;%1&quot;</source>
        <translation>Umgebung von „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Environment of &quot;%1&quot;</source>
        <translation>Neue Umgebung von „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Values for the {{name}} placeholders of the collection&apos;s requests. They are stored in plain text and exported: a secret belongs in the vault, bound to the request as its credential.</source>
        <translation>Werte für die Platzhalter {{name}} der Anfragen dieser Sammlung. Sie werden im Klartext gespeichert und exportiert: Ein Geheimnis gehört in den Tresor und wird als Zugangsnachweis an die Anfrage gebunden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location filename="../ui/panels/requestspanel.h" line="+58"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::RotateDialog</name>
    <message>
        <location filename="../ui/dialogs/rotatedialog.cpp" line="+24"/>
        <source>Rotate “%1”</source>
        <translation>„%1“ rotieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the new secret your provider issued. The old one stays in the keychain for the overlap window, then it is deleted.</source>
        <translation>Fügen Sie das neue Geheimnis ein, das Ihr Anbieter ausgestellt hat. Das alte bleibt für den Überlappungszeitraum im Schlüsselbund und wird dann gelöscht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New secret</source>
        <translation>Neues Geheimnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;secret:</source>
        <translation>Neues &amp;Geheimnis:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long the old secret stays in the keychain (0: delete it now).</source>
        <translation>Wie lange das alte Geheimnis im Schlüsselbund bleibt (0: sofort löschen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Overlap:</source>
        <translation>Ü&amp;berlappung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. scheduled rotation, leaked in a log</source>
        <translation>z. B. geplante Rotation, in einem Protokoll offengelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotieren</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::SearchField</name>
    <message>
        <location filename="../ui/searchfield.cpp" line="+13"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::TokensPanel</name>
    <message>
        <location filename="../ui/panels/tokenspanel.cpp" line="+14"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer tokens are short-lived passes sent as &quot;Authorization: Bearer …&quot;. A JWT has three parts (header.payload.signature); the payload is only base64url-encoded, so anyone holding the token can read it, and the signature only proves it was not altered. Watch the expiry.</source>
        <translation>Bearer-Tokens sind kurzlebige Ausweise, die als „Authorization: Bearer …“ gesendet werden. Ein JWT besteht aus drei Teilen (header.payload.signature); die Payload ist nur base64url-kodiert, sodass jeder, der das Token besitzt, sie lesen kann, und die Signatur beweist nur, dass es nicht verändert wurde. Achten Sie auf den Ablauf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add Token…</source>
        <translation>Token &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No tokens yet. Press Ctrl+N to add a JWT; it is kept in the system keychain.</source>
        <translation>Noch keine Tokens. Drücken Sie Strg+N, um ein JWT hinzuzufügen; es wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Inspect</source>
        <translation>&amp;Untersuchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the selected token in the Inspector (read from the keychain)</source>
        <translation>Ausgewähltes Token im Inspektor öffnen (aus dem Schlüsselbund gelesen)</translation>
    </message>
</context>
<context>
    <name>keyhaven::ui::TrayReminder</name>
    <message>
        <location filename="../ui/trayreminder.cpp" line="+30"/>
        <source>Remind Me of Overdue Keys</source>
        <translation>An überfällige Schlüssel erinnern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keyhaven</source>
        <translation>Keyhaven</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Keyhaven</source>
        <translation>Keyhaven anzeigen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>1 key is overdue for rotation</source>
        <translation>1 Schlüssel ist zur Rotation überfällig</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n keys are overdue for rotation</source>
        <translation>
            <numerusform>%n Schlüssel ist zur Rotation überfällig</numerusform>
            <numerusform>%n Schlüssel sind zur Rotation überfällig</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <comment>overdue keys: their names</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Keys overdue for rotation</source>
        <translation>Schlüssel mit überfälliger Rotation</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main.cpp" line="+95"/>
        <source>Keep, inspect and use API credentials.</source>
        <translation>API-Zugangsdaten aufbewahren, untersuchen und verwenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fill an empty store with a few sample items.</source>
        <translation>Einen leeren Speicher mit einigen Beispielelementen füllen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a PNG of the main window to &lt;file&gt; once it is painted, then quit.</source>
        <translation>Ein PNG des Hauptfensters nach &lt;Datei&gt; speichern, sobald es gezeichnet ist, dann beenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the time to the first paint and the resident memory, then quit.</source>
        <translation>Die Zeit bis zum ersten Zeichnen und den belegten Arbeitsspeicher ausgeben, dann beenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start on the rotation dashboard.</source>
        <translation>Mit der Rotationsübersicht starten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open on &lt;panel&gt;: api-key, jwt, oauth, inspector, requests or history (with --sample-data, the inspector verifies a signed sample token and the requests panel shows a recorded, diagnosed 403).</source>
        <translation>Auf &lt;Panel&gt; öffnen: api-key, jwt, oauth, inspector, requests oder history (mit --sample-data verifiziert der Inspektor ein signiertes Beispieltoken und der Bereich „Anfragen“ zeigt ein aufgezeichnetes, diagnostiziertes 403).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start in the system tray (minimized where there is no tray); used at login.</source>
        <translation>Im Systembereich starten (minimiert, wo es keinen gibt); wird beim Anmelden verwendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print a JSON line for each launch request handled (for tests).</source>
        <translation>Für jede bearbeitete Startanfrage eine JSON-Zeile ausgeben (für Tests).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A token to open in the Inspector (- reads it from stdin). When Keyhaven is already running, its window shows the token and this launch exits.</source>
        <translation>Ein Token, das im Inspektor geöffnet wird (- liest es von der Standardeingabe). Läuft Keyhaven bereits, zeigt sein Fenster das Token und dieser Aufruf endet.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Keyhaven cannot open its database:
%1

Check that the folder is writable and that no other program holds the file locked.</source>
        <translation>Keyhaven kann seine Datenbank nicht öffnen:
%1

Prüfen Sie, ob der Ordner beschreibbar ist und kein anderes Programm die Datei gesperrt hält.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keyhaven</source>
        <translation>Keyhaven</translation>
    </message>
</context>
</TS>
