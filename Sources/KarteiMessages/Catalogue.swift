extension MessageKey {
    /// The template of this message in a language.
    public func template(in language: Language) -> String {
        let entry = self.entry
        return language == .german ? entry.german : entry.english
    }

    // Style: say what happened, where, and what to do. German first: it is the users' language.
    // Placeholders: {path} a file, {file} a file name, {page}, {frame}, {id}, {kind}, {reason}.
    private var entry: (german: String, english: String) {
        switch self {
        // MARK: Vault errors
        case .vaultNotFound:
            ("Unter {path} gibt es keinen Tresor. Prüfen Sie den Pfad (--vault oder KARTEI_VAULT) oder legen Sie mit „kartei init“ einen neuen an.",
             "There is no vault at {path}. Check the path (--vault or KARTEI_VAULT) or create one with \"kartei init\".")
        case .vaultAlreadyExists:
            ("Unter {path} gibt es schon eine Datei; sie wird nicht überschrieben. Wählen Sie einen anderen Pfad oder entfernen Sie die Datei selbst.",
             "A file already exists at {path}; it is not overwritten. Choose another path or remove the file yourself.")
        case .vaultNotAVault:
            ("{path} ist kein kartei-Tresor (die ersten Bytes passen nicht). Prüfen Sie, ob Sie die richtige Datei angegeben haben.",
             "{path} is not a kartei vault (its first bytes do not match). Check that you named the right file.")
        case .vaultPlainSQLite:
            ("{path} ist eine unverschlüsselte SQLite-Datenbank, kein kartei-Tresor. kartei öffnet keine unverschlüsselten Daten; legen Sie mit „kartei init“ einen Tresor an.",
             "{path} is an unencrypted SQLite database, not a kartei vault. kartei does not open unencrypted data; create a vault with \"kartei init\".")
        case .vaultNewerFormat:
            ("Der Tresor {path} hat das Format {version}; diese kartei-Version liest bis Format {supported}. Installieren Sie eine neuere kartei-Version. Am Tresor wurde nichts geändert.",
             "The vault {path} has format {version}; this kartei reads up to format {supported}. Install a newer kartei. Nothing in the vault was changed.")
        case .vaultTruncated:
            ("Der Tresor {path} ist unvollständig (die Datei wurde abgeschnitten). Stellen Sie ihn aus einer Sicherung wieder her.",
             "The vault {path} is incomplete (the file was cut short). Restore it from a backup.")
        case .vaultWrongKey:
            ("Der Schlüssel öffnet den Tresor {path} nicht: falsche Passphrase, falscher Wiederherstellungscode oder falsches Zertifikat – oder die Datei ist kein kartei-Tresor. Es wurde nichts gelesen.",
             "The key does not open the vault {path}: wrong passphrase, recovery code or certificate, or the file is not a kartei vault. Nothing was read.")
        case .vaultNoHolderOfKind:
            ("Der Tresor {path} hat keinen Schlüsselinhaber der Art „{kind}“. Öffnen Sie ihn mit einer anderen Art (z. B. Passphrase).",
             "The vault {path} has no key holder of kind \"{kind}\". Open it with another kind (for example a passphrase).")
        case .vaultHeaderDamaged:
            ("Der Kopf des Tresors {path} ist beschädigt und kann nicht gelesen werden. Stellen Sie den Tresor aus einer Sicherung wieder her.",
             "The header of the vault {path} is damaged and cannot be read. Restore the vault from a backup.")
        case .vaultHeaderTampered:
            ("Der Kopf des Tresors {path} ist nicht authentisch: Er wurde verändert. Der Tresor wurde nicht geöffnet. Stellen Sie ihn aus einer Sicherung wieder her und melden Sie den Vorfall.",
             "The header of the vault {path} is not authentic: it was changed. The vault was not opened. Restore it from a backup and report the incident.")
        case .vaultPageTampered:
            ("Seite {page} in {file} ist nicht authentisch: Die Datei wurde verändert oder ist beschädigt. Es wurden keine Daten dieser Seite verwendet. Prüfen Sie mit „kartei vault check“ und stellen Sie aus einer Sicherung wieder her.",
             "Page {page} in {file} is not authentic: the file was changed or is damaged. No data from that page was used. Run \"kartei vault check\" and restore from a backup.")
        case .vaultWALTampered:
            ("Block {frame} (Seite {page}) in {file} ist nicht authentisch: Die WAL-Datei wurde verändert oder bei einem Stromausfall unvollständig geschrieben. Der Tresor wurde nicht geöffnet. Prüfen Sie mit „kartei vault check“ und stellen Sie aus einer Sicherung wieder her.",
             "Frame {frame} (page {page}) in {file} is not authentic: the WAL file was changed or left incomplete by a power failure. The vault was not opened. Run \"kartei vault check\" and restore from a backup.")
        case .vaultWALHeaderTampered:
            ("Der Kopf der WAL-Datei {file} ist nicht authentisch: Er wurde verändert. Der Tresor wurde nicht geöffnet, damit keine Änderungen unbemerkt verloren gehen. Stellen Sie aus einer Sicherung wieder her.",
             "The header of the WAL file {file} is not authentic: it was changed. The vault was not opened, so that no changes are lost unnoticed. Restore from a backup.")
        case .vaultJournalTampered:
            ("Seite {page} in {file} ist nicht authentisch: Das Rücksetz-Journal wurde verändert. Der Tresor wurde nicht geöffnet. Stellen Sie ihn aus einer Sicherung wieder her.",
             "Page {page} in {file} is not authentic: the rollback journal was changed. The vault was not opened. Restore it from a backup.")
        case .vaultGeometry:
            ("Der Tresor {path} hat nicht die feste Seitengröße von 4096 Byte mit 32 Reservebytes. Die Änderung wurde abgelehnt.",
             "The vault {path} does not have the fixed page size of 4096 bytes with 32 reserve bytes. The change was refused.")
        case .vaultMissingWAL:
            ("Die WAL-Datei {wal} des Tresors {path} fehlt, obwohl der Tresor nicht sauber geschlossen wurde: Die letzten Änderungen stehen nur dort. Legen Sie die Datei zurück (z. B. aus derselben Sicherung) oder nehmen Sie den Verlust mit „kartei vault repair --accept-missing-wal“ bewusst in Kauf.",
             "The WAL file {wal} of the vault {path} is missing although the vault was not closed cleanly: the latest changes are only in it. Put the file back (for example from the same backup), or accept the loss deliberately with \"kartei vault repair --accept-missing-wal\".")
        case .vaultBusy:
            ("Der Tresor {path} wird gerade von einem anderen Programm benutzt (z. B. dem Server oder einer Schlüsselerneuerung). Versuchen Sie es später noch einmal oder beenden Sie das andere Programm.",
             "The vault {path} is in use by another program (for example the server or a rekey). Try again later or stop the other program.")
        case .vaultDamaged:
            ("Der Tresor {path} ist beschädigt (SQLite meldet eine fehlerhafte Struktur). Prüfen Sie mit „kartei vault check“ und stellen Sie aus einer Sicherung wieder her.",
             "The vault {path} is damaged (SQLite reports a broken structure). Run \"kartei vault check\" and restore from a backup.")
        case .vaultIOError:
            ("Lesen oder Schreiben von {path} ist fehlgeschlagen: {reason}. Prüfen Sie Speicherplatz und Zugriffsrechte.",
             "Reading or writing {path} failed: {reason}. Check free disk space and permissions.")
        case .vaultHolderNotFound:
            ("Es gibt keinen Schlüsselinhaber mit der Kennung {id}. „kartei vault holder list“ zeigt alle.",
             "There is no key holder with id {id}. \"kartei vault holder list\" shows them all.")
        case .vaultLastHolder:
            ("Der letzte Schlüsselinhaber kann nicht entfernt werden: Sonst könnte niemand den Tresor mehr öffnen. Legen Sie zuerst einen anderen an.",
             "The last key holder cannot be removed: nobody could open the vault any more. Add another one first.")
        case .vaultKeyringFull:
            ("Der Schlüsselbund des Tresors ist voll. Entfernen Sie nicht mehr benötigte Schlüsselinhaber.",
             "The vault's keyring is full. Remove key holders that are no longer needed.")
        case .vaultRecoveryCodeTypo:
            ("Der Wiederherstellungscode ist falsch abgetippt (Länge oder Prüfzeichen stimmen nicht). Er hat 36 Zeichen in Vierergruppen; prüfen Sie jede Gruppe.",
             "The recovery code has a typo (its length or check characters do not match). It has 36 characters in groups of four; check each group.")
        case .vaultPassphraseTooShort:
            ("Die Passphrase ist zu kurz: Sie braucht mindestens {minimum} Zeichen. Mehrere Wörter sind leichter zu merken als Sonderzeichen.",
             "The passphrase is too short: it needs at least {minimum} characters. Several words are easier to remember than symbols.")
        case .vaultUnsupportedHolder:
            ("Der Tresor enthält einen Schlüsselinhaber, den diese kartei-Version nicht kennt. Installieren Sie eine neuere kartei-Version.",
             "The vault contains a key holder this kartei version does not know. Install a newer kartei.")
        case .vaultSQLiteError:
            ("Die Datenbank im Tresor {path} meldet einen Fehler: {reason}. Es wurde nichts geändert.",
             "The database in the vault {path} reports an error: {reason}. Nothing was changed.")
        case .vaultTemporaryFileRefused:
            ("SQLite wollte für {path} eine temporäre Datei anlegen; kartei lehnt das ab, weil sie unverschlüsselt wäre. Bitte melden Sie diesen Fehler.",
             "SQLite tried to create a temporary file for {path}; kartei refuses because it would be unencrypted. Please report this bug.")
        case .vaultWritePattern:
            ("SQLite wollte {path} auf eine Art schreiben, die kartei nicht verschlüsseln kann; der Schreibvorgang wurde abgelehnt. Bitte melden Sie diesen Fehler.",
             "SQLite tried to write {path} in a way kartei cannot encrypt; the write was refused. Please report this bug.")
        case .vaultNotOpen:
            ("Der Tresor {path} ist schon geschlossen.",
             "The vault {path} is already closed.")
        // MARK: Command line
        case .cliNoVault:
            ("Kein Tresor angegeben. Nennen Sie ihn mit --vault PFAD oder setzen Sie KARTEI_VAULT (z. B. mit „. demo/treasurer.env“).",
             "No vault given. Name it with --vault PATH or set KARTEI_VAULT (for example with \". demo/treasurer.env\").")
        case .cliUnexpectedError:
            ("Unerwarteter Fehler: {reason}. Es wurde nichts geändert. Bitte melden Sie diesen Fehler.",
             "Unexpected error: {reason}. Nothing was changed. Please report this bug.")
        case .cliCannotWrite:
            ("{path} kann nicht geschrieben werden. Prüfen Sie Zugriffsrechte und Speicherplatz.",
             "Cannot write {path}. Check permissions and free disk space.")
        case .secretFileMissing:
            ("Die Datei {path} mit dem Geheimnis gibt es nicht oder sie ist nicht lesbar.",
             "The secret file {path} does not exist or cannot be read.")
        case .secretFileEmpty:
            ("Die Datei {path} ist leer; die erste Zeile muss das Geheimnis enthalten.",
             "The file {path} is empty; its first line must hold the secret.")
        case .secretFileReadable:
            ("Warnung: {path} ist für andere Benutzer lesbar. Schränken Sie die Rechte ein: chmod 600 {path}",
             "Warning: {path} is readable by other users. Restrict it: chmod 600 {path}")
        case .secretNoTerminal:
            ("Kein Terminal für die Eingabe des Geheimnisses. Geben Sie eine Datei an (--passphrase-file oder KARTEI_PASSPHRASE_FILE).",
             "No terminal to type the secret on. Give a file (--passphrase-file or KARTEI_PASSPHRASE_FILE).")
        case .secretEmptyInput:
            ("Es wurde nichts eingegeben.",
             "Nothing was entered.")
        case .secretMismatch:
            ("Die beiden Eingaben stimmen nicht überein. Es wurde nichts geändert.",
             "The two entries do not match. Nothing was changed.")
        case .promptPassphrase:
            ("Passphrase des Tresors:",
             "Vault passphrase:")
        case .promptNewPassphrase:
            ("Neue Passphrase (mindestens 12 Zeichen):",
             "New passphrase (at least 12 characters):")
        case .promptRepeatPassphrase:
            ("Passphrase wiederholen:",
             "Repeat the passphrase:")
        case .promptRecoveryCode:
            ("Wiederherstellungscode:",
             "Recovery code:")
        case .initCreated:
            ("Tresor {path} angelegt (Kennung {vault}…).",
             "Vault {path} created (id {vault}…).")
        case .initRecoveryCodeIntro:
            ("Wiederherstellungscode – jetzt ausdrucken und getrennt vom Rechner verschlossen aufbewahren. Er wird nur dieses eine Mal angezeigt und öffnet den Tresor ohne Passphrase:",
             "Recovery code — print it now and lock it away, apart from the computer. It is shown only this once and opens the vault without the passphrase:")
        case .initRecoveryCodeOutro:
            ("Ende des Wiederherstellungscodes.",
             "End of the recovery code.")
        case .recoveryCodeDefaultLabel:
            ("Wiederherstellungscode (Papier)",
             "Recovery code (paper)")
        case .vaultInfoPath:
            ("Datei",
             "File")
        case .vaultInfoFormat:
            ("Format",
             "Format")
        case .vaultInfoVaultID:
            ("Tresor-Kennung",
             "Vault id")
        case .vaultInfoCipherValue:
            ("AES-256-GCM je Seite, AES-256-XTS für WAL-Köpfe, Teilschlüssel per HKDF-SHA256",
             "AES-256-GCM per page, AES-256-XTS for WAL headers, subkeys by HKDF-SHA256")
        case .vaultInfoFileID:
            ("Datei-Kennung",
             "File id")
        case .vaultInfoCipher:
            ("Verschlüsselung",
             "Encryption")
        case .vaultInfoPageSize:
            ("Seitengröße (Reserve)",
             "Page size (reserve)")
        case .vaultInfoSize:
            ("Größe in Byte",
             "Size in bytes")
        case .vaultInfoPages:
            ("Seiten (frei)",
             "Pages (free)")
        case .vaultInfoJournal:
            ("Journal",
             "Journal")
        case .vaultInfoKeyring:
            ("Schlüsselbund-Generation",
             "Keyring generation")
        case .vaultInfoMigrations:
            ("Schema-Migrationen",
             "Schema migrations")
        case .vaultInfoHolders:
            ("Schlüsselinhaber:",
             "Key holders:")
        case .vaultCheckSummary:
            ("Geprüft: {pages} Seiten der Tresordatei, {frames} Blöcke der WAL-Datei.",
             "Checked: {pages} pages of the vault file, {frames} frames of the WAL file.")
        case .vaultCheckHealthy:
            ("In Ordnung: Alle Seiten sind authentisch und die Datenbankstruktur ist intakt.",
             "All good: every page is authentic and the database structure is intact.")
        case .vaultCheckProblems:
            ("{count} Problem(e) gefunden. Stellen Sie den Tresor aus einer Sicherung wieder her und melden Sie den Vorfall.",
             "{count} problem(s) found. Restore the vault from a backup and report the incident.")
        case .checkPageAuthentication:
            ("{file}: Seite {page} ist nicht authentisch (verändert oder beschädigt).",
             "{file}: page {page} is not authentic (changed or damaged).")
        case .checkWALFrameAuthentication:
            ("{file}: Block {frame} (Seite {page}) ist nicht authentisch (verändert oder bei einem Absturz unvollständig geschrieben).",
             "{file}: frame {frame} (page {page}) is not authentic (changed, or left incomplete by a crash).")
        case .checkPartialPage:
            ("{file}: Die Datei endet mitten in Seite {page} (abgeschnitten).",
             "{file}: the file ends inside page {page} (cut short).")
        case .checkIntegrity:
            ("{file}: SQLite-Integritätsprüfung: {detail}",
             "{file}: SQLite integrity check: {detail}")
        case .checkTruncated:
            ("{file}: Die Datenbank braucht {page} Seiten, die Datei enthält weniger (abgeschnitten).",
             "{file}: the database needs {page} pages and the file holds fewer (cut short).")
        case .checkLeftoverFile:
            ("Hinweis: {file} ist eine übrig gebliebene Datei eines abgebrochenen Vorgangs; sie ist verschlüsselt und kann gelöscht werden.",
             "Note: {file} is left over from an interrupted operation; it is encrypted and can be deleted.")
        case .vaultRekeyDone:
            ("Neuer Datenschlüssel: {pages} Seiten neu verschlüsselt, {holders} Schlüsselinhaber haben den neuen Schlüssel.",
             "New data key: {pages} pages re-encrypted, {holders} key holders received the new key.")
        case .vaultBackupDone:
            ("Sicherung geschrieben: {path}. Sie ist selbst ein Tresor und öffnet sich mit denselben Schlüsseln.",
             "Backup written: {path}. It is itself a vault and opens with the same keys.")
        case .vaultRepairNothingChosen:
            ("Geben Sie an, was repariert werden soll, z. B. --accept-missing-wal.",
             "Say what to repair, for example --accept-missing-wal.")
        case .holderAdded:
            ("Schlüsselinhaber {id} ({kind}) hinzugefügt.",
             "Key holder {id} ({kind}) added.")
        case .holderRemoved:
            ("Schlüsselinhaber {id} entfernt; der Datenschlüssel wurde erneuert ({pages} Seiten, {holders} verbleibende Schlüsselinhaber).",
             "Key holder {id} removed; the data key was replaced ({pages} pages, {holders} remaining key holders).")
        case .demoDirectoryNotEmpty:
            ("Das Verzeichnis {path} ist nicht leer. Wählen Sie ein neues oder leeres Verzeichnis.",
             "The directory {path} is not empty. Choose a new or empty directory.")
        case .demoMembersRange:
            ("--members muss zwischen 0 und 2000000 liegen.",
             "--members must be between 0 and 2000000.")
        case .demoTreasurerLabel:
            ("Demo-Schatzmeisterin",
             "Demo treasurer")
        case .demoEnvComment:
            ("kartei-Demo: nur synthetische Daten, nur zum Ausprobieren.\nLaden mit: . {dir}/treasurer.env",
             "kartei demo: synthetic data only, for trying things out.\nLoad with: . {dir}/treasurer.env")
        case .demoWarning:
            ("Achtung, nur für die Demo: Die Passphrase steht unverschlüsselt in {path}. Bei einem echten Tresor gehört sie in niemandes Datei.",
             "Warning, demo only: the passphrase is stored in clear in {path}. For a real vault it belongs in nobody's file.")
        case .demoDone:
            ("Demo-Installation in {dir}: Tresor mit {members} synthetischen Personen (Startwert {seed}).\nSo geht es weiter:\n  . {env}\n  kartei vault info\n  kartei vault check",
             "Demo installation in {dir}: a vault with {members} synthetic people (seed {seed}).\nNext:\n  . {env}\n  kartei vault info\n  kartei vault check")
        case .benchProgress:
            ("… {step}",
             "… {step}")
        case .helpKarteiAbstract:
            ("Sichere Mitgliederverwaltung: verschlüsselter Tresor, Rollenzertifikate, prüfbares Zugriffsprotokoll.",
             "Secure membership records: an encrypted vault, role certificates, a verifiable access log.")
        case .helpKarteiDiscussion:
            ("Beispiel: kartei demo --dir demo && . demo/treasurer.env && kartei vault info\nExit-Codes: docs/CLI.md. Sprache: LANG (de_… = Deutsch).",
             "Example: kartei demo --dir demo && . demo/treasurer.env && kartei vault info\nExit codes: docs/CLI.md. Language: LANG (de_… = German).")
        case .helpInitAbstract:
            ("Legt einen neuen Tresor an.",
             "Creates a new vault.")
        case .helpInitDiscussion:
            ("Beispiel: kartei init --vault lv.kartei\nDie Passphrase wird zweimal abgefragt (oder aus --passphrase-file gelesen); der Wiederherstellungscode wird einmal angezeigt.",
             "Example: kartei init --vault lv.kartei\nThe passphrase is asked for twice (or read from --passphrase-file); the recovery code is shown once.")
        case .helpVaultAbstract:
            ("Arbeitet mit der Tresordatei selbst: Auskunft, Prüfung, Sicherung, neuer Schlüssel.",
             "Works on the vault file itself: information, check, backup, new key.")
        case .helpVaultInfoAbstract:
            ("Zeigt Format, Größe und Schlüsselinhaber des Tresors.",
             "Shows the vault's format, size and key holders.")
        case .helpVaultCheckAbstract:
            ("Prüft jede Seite auf Echtheit und die Datenbank auf Fehler.",
             "Checks every page for authenticity and the database for errors.")
        case .helpVaultCheckDiscussion:
            ("Beispiel: kartei vault check --format json\nExit-Code 85, wenn etwas gefunden wurde.",
             "Example: kartei vault check --format json\nExit code 85 when something was found.")
        case .helpVaultRekeyAbstract:
            ("Erneuert den Datenschlüssel und verschlüsselt jede Seite neu.",
             "Replaces the data key and re-encrypts every page.")
        case .helpVaultRekeyDiscussion:
            ("Beispiel: kartei vault rekey\nBraucht den Tresor für sich allein (Server vorher beenden). Ein Abbruch lässt den alten Tresor unverändert.",
             "Example: kartei vault rekey\nNeeds the vault to itself (stop the server first). An interruption leaves the old vault unchanged.")
        case .helpVaultBackupAbstract:
            ("Schreibt eine verschlüsselte Sicherung, während der Tresor in Gebrauch bleibt.",
             "Writes an encrypted backup while the vault stays in use.")
        case .helpVaultBackupDiscussion:
            ("Beispiel: kartei vault backup --out /media/usb/lv-2026-11-24.kartei",
             "Example: kartei vault backup --out /media/usb/lv-2026-11-24.kartei")
        case .helpVaultRepairAbstract:
            ("Repariert einen Tresor nach einem Absturz, wenn Sie den Verlust bewusst in Kauf nehmen.",
             "Repairs a vault after a crash when you deliberately accept the loss.")
        case .helpVaultRepairDiscussion:
            ("Beispiel: kartei vault repair --accept-missing-wal\nDie Änderungen, die nur in der verlorenen WAL-Datei standen, sind danach endgültig weg.",
             "Example: kartei vault repair --accept-missing-wal\nThe changes that were only in the lost WAL file are then gone for good.")
        case .helpHolderAbstract:
            ("Verwaltet, wer den Datenschlüssel freigeben kann.",
             "Manages who can release the data key.")
        case .helpHolderListAbstract:
            ("Listet die Schlüsselinhaber.",
             "Lists the key holders.")
        case .helpHolderAddPassphraseAbstract:
            ("Fügt einen Schlüsselinhaber mit eigener Passphrase hinzu (z. B. die Stellvertretung).",
             "Adds a key holder with its own passphrase (for example the deputy).")
        case .helpHolderAddRecoveryCodeAbstract:
            ("Fügt einen Wiederherstellungscode zum Ausdrucken hinzu.",
             "Adds a recovery code to print.")
        case .helpHolderRemoveAbstract:
            ("Entfernt einen Schlüsselinhaber und erneuert den Datenschlüssel.",
             "Removes a key holder and replaces the data key.")
        case .helpHolderRemoveDiscussion:
            ("Beispiel: kartei vault holder remove 3f2a…\nDer Datenschlüssel wird erneuert, damit der Entfernte auch mit einer alten Kopie des Schlüssels nichts Neues mehr lesen kann.",
             "Example: kartei vault holder remove 3f2a…\nThe data key is replaced, so the removed holder cannot read anything new even with an old copy of the key.")
        case .helpDemoAbstract:
            ("Legt eine Demo-Installation mit synthetischen Daten an.",
             "Creates a demo installation with synthetic data.")
        case .helpDemoDiscussion:
            ("Beispiel: kartei demo --dir demo --members 800 --seed 1\nNur synthetische Daten aus dem eigenen Generator; die Demo-Passphrase liegt im Verzeichnis.",
             "Example: kartei demo --dir demo --members 800 --seed 1\nSynthetic data from kartei's own generator only; the demo passphrase lies in the directory.")
        case .helpBenchAbstract:
            ("Misst die Geschwindigkeit gegen eine Vergleichsmessung im selben Lauf.",
             "Measures speed against a baseline from the same run.")
        case .helpBenchStorageAbstract:
            ("Vergleicht den Tresor mit einer unverschlüsselten SQLite-Datei.",
             "Compares the vault with a plain SQLite file.")
        case .helpBenchStorageDiscussion:
            ("Beispiel: kartei bench storage --rows 100000 --format json\nGleiche Arbeit, gleiche SQLite-Einstellungen; ausgegeben werden Zeiten, Verhältnis Tresor/unverschlüsselt und die Untergrenze durch die Verschlüsselung selbst.",
             "Example: kartei bench storage --rows 100000 --format json\nSame work, same SQLite settings; prints times, the ratio vault/plain and the floor the cipher itself sets.")
        case .helpOptionVault:
            ("Pfad des Tresors (sonst KARTEI_VAULT).",
             "Path of the vault (else KARTEI_VAULT).")
        case .helpOptionPassphraseFile:
            ("Datei mit der Passphrase in der ersten Zeile (sonst KARTEI_PASSPHRASE_FILE, sonst Abfrage im Terminal).",
             "File with the passphrase on its first line (else KARTEI_PASSPHRASE_FILE, else a terminal prompt).")
        case .helpOptionRecoveryCode:
            ("Mit dem Wiederherstellungscode statt der Passphrase öffnen.",
             "Open with the recovery code instead of the passphrase.")
        case .helpOptionRecoveryCodeFile:
            ("Datei mit dem Wiederherstellungscode (sonst KARTEI_RECOVERY_CODE_FILE, sonst Abfrage).",
             "File with the recovery code (else KARTEI_RECOVERY_CODE_FILE, else a prompt).")
        case .helpOptionFormat:
            ("Ausgabeformat: text, json oder csv.",
             "Output format: text, json or csv.")
        case .helpOptionLabel:
            ("Bezeichnung des Schlüsselinhabers (steht verschlüsselt im Tresor).",
             "Label of the key holder (stored encrypted in the vault).")
        case .helpOptionNoRecoveryCode:
            ("Keinen Wiederherstellungscode anlegen.",
             "Do not create a recovery code.")
        case .helpOptionNewPassphraseFile:
            ("Datei mit der neuen Passphrase (sonst zweimalige Abfrage).",
             "File with the new passphrase (else asked twice).")
        case .helpOptionAcceptMissingWAL:
            ("Fehlende WAL-Datei bewusst hinnehmen; ihre Änderungen sind verloren.",
             "Accept a missing WAL file; its changes are lost.")
        case .helpOptionBackupOut:
            ("Pfad der Sicherung (darf noch nicht existieren).",
             "Path of the backup (must not exist yet).")
        case .helpOptionDemoDir:
            ("Verzeichnis der Demo-Installation (neu oder leer).",
             "Directory of the demo installation (new or empty).")
        case .helpOptionMembers:
            ("Anzahl synthetischer Mitglieder.",
             "Number of synthetic members.")
        case .helpOptionSeed:
            ("Startwert des Generators: gleicher Wert, gleiche Daten.",
             "Seed of the generator: same seed, same data.")
        case .helpOptionRows:
            ("Anzahl Zeilen der Messung.",
             "Number of rows to measure with.")
        case .helpOptionBenchDir:
            ("Verzeichnis für die Messdateien (sonst das temporäre Verzeichnis).",
             "Directory for the benchmark files (else the temp directory).")
        case .helpOptionRepeat:
            ("Wiederholungen; ausgegeben wird der Median.",
             "Repetitions; the median is printed.")
        case .helpArgumentHolderID:
            ("Kennung des Schlüsselinhabers (siehe „kartei vault holder list“).",
             "Key holder id (see \"kartei vault holder list\").")
        }
    }
}
