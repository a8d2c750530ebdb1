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
        case .vaultHolderExists:
            ("Dieses Zertifikat ist schon Schlüsselinhaber des Tresors.",
             "This certificate already holds a key to the vault.")
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
        case .vaultFolderMissing:
            ("Den Ordner {folder} gibt es nicht; {path} kann dort nicht angelegt werden. Legen Sie den Ordner an oder wählen Sie einen anderen Pfad. Es wurde nichts geschrieben.",
             "The folder {folder} does not exist, so {path} cannot be created there. Create the folder or choose another path. Nothing was written.")
        case .vaultFolderNotWritable:
            ("In den Ordner {folder} darf kartei nicht schreiben. Prüfen Sie die Zugriffsrechte oder wählen Sie einen anderen Ordner. Es wurde nichts geschrieben.",
             "kartei may not write to the folder {folder}. Check its permissions or choose another folder. Nothing was written.")
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
            ("Kein Terminal für die Eingabe des Geheimnisses. Geben Sie eine Datei an: {option} oder {variable}.",
             "No terminal to type the secret on. Give a file: {option} or {variable}.")
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
        case .checkKeyringCopyRewritten:
            ("Eine Kopie des Schlüsselbunds im Kopf von {file} ({detail}) war nicht authentisch und wurde beim Öffnen aus der anderen, authentischen Kopie neu geschrieben. Nach einem Absturz während einer Änderung der Schlüsselinhaber ist das einmal zu erwarten; sonst wurde die Datei verändert: Melden Sie den Vorfall. Das Protokoll enthält den Eintrag „vault.keyring.rewritten“.",
             "A copy of the keyring in the header of {file} ({detail}) did not authenticate and was rewritten from the other, authentic copy when the vault was opened. After a crash during a change of key holders this is expected once; otherwise the file was changed: report the incident. The audit log has the entry \"vault.keyring.rewritten\".")
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
            ("kartei-Demo ({role}): nur synthetische Daten, nur zum Ausprobieren.\nLaden mit: . {dir}/{role}.env",
             "kartei demo ({role}): synthetic data only, for trying things out.\nLoad with: . {dir}/{role}.env")
        case .demoWarning:
            ("Achtung, nur für die Demo: Passphrasen und Schlüssel liegen unverschlüsselt bzw. mit beiliegender Passphrase in {path}. Bei einem echten Tresor gehört keine Passphrase in eine Datei.",
             "Warning, demo only: passphrases and keys lie in {path} in clear or next to their passphrases. For a real vault no passphrase belongs in a file.")
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
            ("Ausgabeformat.",
             "Output format.")
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
        // MARK: Messages and exit codes: files, secrets, verdicts
        case .secretNoTerminalOption:
            ("Kein Terminal für die Eingabe des Geheimnisses. Geben Sie eine Datei an: {option}.",
             "No terminal to type the secret on. Give a file: {option}.")
        case .coreFileMissing:
            ("Die Datei {path} gibt es nicht. Prüfen Sie den Pfad. Es wurde nichts geändert.",
             "The file {path} does not exist. Check the path. Nothing was changed.")
        case .coreUnknownStoredValue:
            ("Der Tresor enthält in {table}.{column} einen Wert, den diese kartei-Version nicht kennt: Er wurde von einer neueren kartei geschrieben oder ist beschädigt. Es wurde nichts gelesen. Installieren Sie die neueste kartei-Version; hilft das nicht, prüfen Sie mit „kartei vault check“.",
             "The vault holds a value in {table}.{column} that this kartei does not know: a newer kartei wrote it, or it is damaged. Nothing was read. Install the newest kartei; if that does not help, run \"kartei vault check\".")
        case .checkpointFileInvalid:
            ("{path} ist kein Prüfpunkt des Zugriffsprotokolls (der Text, den „kartei audit checkpoint“ ausgibt). Es wurde nichts geprüft.",
             "{path} is not an audit checkpoint (the text \"kartei audit checkpoint\" prints). Nothing was verified.")
        case .coreCheckpointStoreUnwritable:
            ("Alles ist im Tresor gespeichert, aber der Prüfpunkt dieses Rechners konnte nicht in {folder} abgelegt werden ({reason}). Prüfen Sie Zugriffsrechte und Speicherplatz dieses Ordners (KARTEI_STATE_DIR); bis dahin vergleicht kartei mit dem zuletzt dort abgelegten Prüfpunkt.",
             "Everything is saved in the vault, but this computer's checkpoint could not be kept in {folder} ({reason}). Check that folder's permissions and free space (KARTEI_STATE_DIR); until then kartei compares with the checkpoint last kept there.")
        case .coreIdentityHolderRetired:
            ("Die Identität des Schlüsselinhabers, über die dieser Aufruf arbeitet (--holder-identity oder KARTEI_HOLDER_IDENTITY), hat keinen Schlüssel zu diesem Tresor mehr: Ihr Zertifikat {serial} wurde widerrufen, erneuert oder als Schlüsselinhaber entfernt. Es wurde nichts gelesen. Fragen Sie die Schatzmeisterin nach der aktuellen Identität des Servers.",
             "The key holder's identity this call works through (--holder-identity or KARTEI_HOLDER_IDENTITY) no longer holds a key to this vault: its certificate {serial} was revoked, renewed or removed as a key holder. Nothing was read. Ask the treasurer for the server's current identity.")
        case .auditVerifyForeignCheckpoint:
            ("FEHLER: Der angegebene Prüfpunkt ({detail}) gehört zum Protokoll eines anderen Tresors. Stammt die Datei wirklich von diesem Tresor, wurde er durch einen anderen ersetzt: Melden Sie den Vorfall. Sonst geben Sie einen Prüfpunkt dieses Tresors an.",
             "PROBLEM: the checkpoint given ({detail}) is of another vault's log. If the file really was kept from this vault, the vault was replaced by another one: report the incident. Otherwise give a checkpoint of this vault.")
        case .auditVerifyExternalSignature:
            ("FEHLER: Die Signatur des angegebenen Prüfpunkts ({detail}) passt nicht zum Protokollschlüssel dieses Tresors: Die Datei wurde verändert, oder Protokoll und Schlüssel des Tresors wurden ersetzt. Vergleichen Sie die Datei mit einer zweiten Kopie; ist sie unverändert, melden Sie den Vorfall.",
             "PROBLEM: the signature of the checkpoint given ({detail}) does not verify with this vault's audit key: the file was changed, or the vault's log and key were replaced. Compare the file with a second copy; if it is unchanged, report the incident.")
        case .userLocked:
            ("Benutzer {id} ist gesperrt: Die Zertifikate dieses Benutzers öffnen nichts mehr, bis „kartei user unlock {id}“ die Sperre aufhebt.",
             "User {id} is locked: their certificates open nothing until \"kartei user unlock {id}\" lifts the lock.")
        case .userUnlocked:
            ("Benutzer {id} ist entsperrt; die Fehlversuche sind gelöscht.",
             "User {id} is unlocked; the failed attempts are cleared.")
        case .userAttemptsCleared:
            ("Die Fehlversuche von Benutzer {id} sind gelöscht; eine Sperre ist damit ebenfalls aufgehoben.",
             "The failed attempts of user {id} are cleared; a lock is lifted with them.")
        case .userDeclarationRecorded:
            ("Die Datenschutzerklärung von Benutzer {id} ist mit dem Datum {date} eingetragen.",
             "The data-protection declaration of user {id} is recorded with the date {date}.")
        case .helpOptionAnniversaryDays:
            ("Wie viele Tage ab --from durchsucht werden.",
             "How many days from --from to cover.")
        case .helpOptionUserDistrict:
            ("Kreisverband (nur für die Rolle district).",
             "District (for the role district only).")
        case .helpOptionMemberDistrict:
            ("Kreisverband der Person; bei „member change“ ist ein neuer ein Umzug.",
             "The person's district; in \"member change\" a new one is a move.")
        case .helpOptionDistrictFilter:
            ("Nur dieser Kreisverband (Standard: alle, die Sie sehen dürfen).",
             "Only this district (default: every district you may see).")
        case .helpOptionSearchLimit:
            ("Höchstens so viele Treffer.",
             "At most this many matches.")
        // MARK: Identities and access
        case .roleTreasurer:
            ("Schatzmeister/in",
             "treasurer")
        case .roleOffice:
            ("Landesgeschäftsstelle",
             "state office")
        case .roleDistrict:
            ("Kreisgeschäftsstelle",
             "district officer")
        case .roleStatistician:
            ("Statistik",
             "statistician")
        case .roleAuditor:
            ("Prüfung",
             "auditor")
        case .roleServer:
            ("Server",
             "server")
        case .actorKeyHolder:
            ("Schlüsselinhaber {id} (ohne Zertifikat)",
             "key holder {id} (no certificate)")
        case .actorScoped:
            ("{role} {district}",
             "{role} {district}")
        case .actorUnscoped:
            ("{role}",
             "{role}")
        case .targetVault:
            ("gesamter Tresor",
             "the whole vault")
        case .targetDistrict:
            ("Kreisverband {district}",
             "district {district}")
        case .targetMember:
            ("Mitglied {number}",
             "member {number}")
        case .targetRequested:
            ("{reference}",
             "{reference}")
        case .opMemberRead:
            ("Mitglieder lesen",
             "read members")
        case .opMemberWrite:
            ("Mitglieder ändern",
             "change members")
        case .opMemberContactWrite:
            ("Kontaktdaten ändern",
             "change contact data")
        case .opMemberExport:
            ("Mitglieder exportieren",
             "export members")
        case .opMemberErase:
            ("Personen löschen (Art. 17 DSGVO)",
             "erase people (GDPR Art. 17)")
        case .opSubjectAccessReport:
            ("Auskunft erteilen (Art. 15 DSGVO)",
             "report to a data subject (GDPR Art. 15)")
        case .opFinanceRead:
            ("Beiträge und Spenden lesen",
             "read dues and donations")
        case .opFinanceWrite:
            ("Beiträge und Spenden buchen",
             "book dues and donations")
        case .opElectionRecord:
            ("Wahlprotokolle erfassen",
             "record election protocols")
        case .opDelegateKeyCompute:
            ("Delegiertenschlüssel berechnen",
             "compute delegate keys")
        case .opStatisticsRelease:
            ("Statistiken freigeben",
             "release statistics")
        case .opStatisticsRead:
            ("freigegebene Statistiken lesen",
             "read released statistics")
        case .opAuditRead:
            ("Zugriffsprotokoll lesen (pseudonymisiert)",
             "read the audit log (pseudonymised)")
        case .opAuditReadIdentified:
            ("fragen, wer ein Mitglied gelesen hat",
             "ask who read a member")
        case .opAuditVerify:
            ("Zugriffsprotokoll prüfen",
             "verify the audit log")
        case .opOrgRead:
            ("Gliederungen lesen",
             "read the organisation")
        case .opOrgWrite:
            ("Gliederungen ändern",
             "change the organisation")
        case .opUserRead:
            ("Benutzer lesen",
             "read users")
        case .opUserManage:
            ("Benutzer verwalten",
             "manage users")
        case .opCAManage:
            ("Zertifikate ausstellen und sperren",
             "issue and revoke certificates")
        case .opVaultAdmin:
            ("Tresor verwalten (Sicherung, Schlüssel)",
             "administer the vault (backup, keys)")
        case .opVaultCheck:
            ("Tresor prüfen",
             "check the vault")
        case .accessDenied:
            ("Zugriff verweigert: {actor} – {operation} ({target}) ist nicht erlaubt: {why}. Der Versuch wurde protokolliert.",
             "Access denied: {actor} may not {operation} ({target}): {why}. The attempt was recorded.")
        case .deniedRoleLacksRight:
            ("diese Rolle hat dieses Recht nicht",
             "this role does not have this right")
        case .deniedOutsideScope:
            ("nur im eigenen Kreisverband",
             "only within its own district")
        case .deniedNoneInScope:
            ("in Ihrem Kreisverband gibt es keinen solchen Datensatz (ob es ihn anderswo gibt, sagt kartei nicht)",
             "there is no such record in your district (kartei does not say whether one exists elsewhere)")
        case .deniedNeedsCertificate:
            ("Zugriff auf Mitgliederdaten nur mit persönlichem Zertifikat, nicht mit der Tresor-Passphrase",
             "member data only with a personal certificate, not with the vault passphrase")
        case .policyIntro:
            ("Aus dem Code erzeugt (`kartei policy --format markdown`); ein Test hält diese Datei und den Code gleich. ✔ = überall, „eigener KV“ = nur im Kreisverband der Person (plus befristete Freigaben), – = verweigert.",
             "Generated from the code (`kartei policy --format markdown`); a test keeps this file and the code equal. ✔ = everywhere, \"own district\" = only in the person's district (plus time-limited grants), – = denied.")
        case .policyOwnDistrict:
            ("eigener KV",
             "own district")
        case .policyKeyHolders:
            ("Wer den Tresor nur mit Passphrase oder Wiederherstellungscode öffnet (ohne Zertifikat), darf:",
             "Whoever opens the vault with only its passphrase or recovery code (no certificate) may:")
        case .policyFooter:
            ("Die Rolle `server` hat keine eigenen Rechte: Der Server handelt für den Benutzer, der sich mit seinem Zertifikat anmeldet, und es gelten dessen Rechte. Jede Entscheidung – auch jede Verweigerung – wird protokolliert.",
             "The `server` role has no rights of its own: the server acts for the user who connects with their certificate, and that user's rights apply. Every decision, every denial included, is recorded.")
        case .coreUserNotFound:
            ("Es gibt keinen Benutzer {id}. „kartei user list“ zeigt alle.",
             "There is no user {id}. \"kartei user list\" shows them all.")
        case .coreDistrictUnknown:
            ("Den Kreisverband „{district}“ gibt es nicht. „kartei org district list“ zeigt alle.",
             "There is no district \"{district}\". \"kartei org district list\" shows them all.")
        case .coreDistrictExists:
            ("Den Kreisverband „{district}“ gibt es schon.",
             "The district \"{district}\" already exists.")
        case .coreNameEmpty:
            ("Der Name darf nicht leer sein.",
             "The name must not be empty.")
        case .coreDeclarationMissing:
            ("Für Benutzer {id} liegt keine unterschriebene Datenschutzerklärung vor; ohne sie wird kein Zertifikat ausgestellt. Tragen Sie das Datum mit „kartei user declaration {id} TT.MM.JJJJ“ ein.",
             "No signed data-protection declaration is on file for user {id}; no certificate is issued without it. Record its date with \"kartei user declaration {id} YYYY-MM-DD\".")
        case .coreDeclarationInvalid:
            ("Die Datenschutzerklärung kann nicht am {date} unterschrieben sein: Das Datum ist ungültig oder liegt in der Zukunft. Geben Sie den Tag der Unterschrift an (TT.MM.JJJJ).",
             "The data-protection declaration cannot have been signed on {date}: the date is not valid or lies in the future. Give the day it was signed (DD.MM.YYYY).")
        case .coreRoleNeedsDistrict:
            ("Die Rolle {role} braucht einen Kreisverband (--district).",
             "The role {role} needs a district (--district).")
        case .coreRoleHasNoDistrict:
            ("Die Rolle {role} gilt für den ganzen Landesverband; --district passt nicht dazu.",
             "The role {role} covers the whole state association; --district does not apply.")
        case .coreUserNotActive:
            ("Benutzer {id} ist gesperrt oder ausgeschieden; dafür wird nichts ausgestellt.",
             "User {id} is locked or has left; nothing is issued for them.")
        case .coreCAMissing:
            ("Dieser Tresor hat noch keine Zertifizierungsstelle. Sie entsteht mit „kartei init“.",
             "This vault has no certificate authority yet. \"kartei init\" creates it.")
        case .coreCAExists:
            ("Dieser Tresor hat schon eine Zertifizierungsstelle; eine zweite wird nicht angelegt.",
             "This vault already has a certificate authority; a second one is not created.")
        case .coreCAKeyWrongPassphrase:
            ("Die Passphrase öffnet den Schlüssel der Zertifizierungsstelle nicht.",
             "The passphrase does not open the certificate authority's key.")
        case .coreCAKeyMismatch:
            ("Diese Schlüsseldatei gehört nicht zur Zertifizierungsstelle dieses Tresors.",
             "This key file does not belong to this vault's certificate authority.")
        case .coreCAKeyUnreadable:
            ("Die Schlüsseldatei der Zertifizierungsstelle kann nicht gelesen werden (kein verschlüsselter PKCS#8-Schlüssel).",
             "The certificate authority's key file cannot be read (not an encrypted PKCS#8 key).")
        case .coreCAKeyNeeded:
            ("Dafür wird der Schlüssel der Zertifizierungsstelle gebraucht (--ca-key oder KARTEI_CA_KEY).",
             "This needs the certificate authority's key (--ca-key or KARTEI_CA_KEY).")
        case .coreCSRHasExtensions:
            ("Der Zertifikatsantrag verlangt Erweiterungen ({oids}); die legt allein die Zertifizierungsstelle fest. Stellen Sie einen Antrag nur mit Namen und Schlüssel.",
             "The certificate request asks for extensions ({oids}); only the certificate authority decides those. Make a request with just a name and a key.")
        case .coreCSRBadSignature:
            ("Die Signatur des Zertifikatsantrags stimmt nicht: Er wurde verändert oder beschädigt.",
             "The certificate request's signature does not verify: it was changed or damaged.")
        case .coreCSRUnsupportedKey:
            ("Der Zertifikatsantrag enthält keinen P-256-Schlüssel; kartei stellt nur für P-256 aus.",
             "The certificate request does not hold a P-256 key; kartei issues for P-256 only.")
        case .coreCSRUnreadable:
            ("{path} ist kein lesbarer Zertifikatsantrag (PEM).",
             "{path} is not a readable certificate request (PEM).")
        case .coreNotAKeyHolderRole:
            ("Die Rolle {role} darf keinen Schlüssel zum Tresor haben: Verschlüsselung lässt sich nicht auf einen Kreisverband beschränken. Diese Rollen arbeiten über den Server.",
             "The role {role} may not hold a key to the vault: encryption cannot be limited to a district. These roles work through the server.")
        case .coreAlreadyKeyHolder:
            ("Dieses Zertifikat ist schon Schlüsselinhaber.",
             "This certificate already holds a key.")
        case .coreIdentityUnreadable:
            ("{path} ist keine lesbare Identität (PKCS#12-Datei oder PEM mit Zertifikat und Schlüssel).",
             "{path} is not a readable identity (a PKCS#12 file, or PEM with certificate and key).")
        case .coreIdentityWrongPassphrase:
            ("Die Passphrase öffnet die Identität {path} nicht. Prüfen Sie sie (Groß- und Kleinschreibung zählen); es wurde nichts gelesen.",
             "The passphrase does not open the identity {path}. Check it (upper and lower case count); nothing was read.")
        case .coreIdentityWrongPassphraseCounted:
            ("Die Passphrase öffnet die Identität {path} nicht. Das war Fehlversuch {attempts} von {limit}; danach wird der Zugang gesperrt, bis die Schatzmeisterin ihn freigibt.",
             "The passphrase does not open the identity {path}. That was failed attempt {attempts} of {limit}; after that the account is locked until the treasurer unlocks it.")
        case .coreIdentityKeyMismatch:
            ("In {path} passt der private Schlüssel nicht zum Zertifikat.",
             "In {path} the private key does not belong to the certificate.")
        case .coreIdentityNeedsHolder:
            ("Diese Identität hält keinen Schlüssel zum Tresor. Arbeiten Sie über den Server oder geben Sie die Identität des Schlüsselinhabers an (KARTEI_HOLDER_IDENTITY).",
             "This identity holds no key to the vault. Work through the server, or name the key holder's identity (KARTEI_HOLDER_IDENTITY).")
        case .coreIdentityExpired:
            ("Das Zertifikat ist am {date} abgelaufen. Die Schatzmeisterin kann es erneuern (kartei user renew).",
             "The certificate expired on {date}. The treasurer can renew it (kartei user renew).")
        case .coreIdentityNotYetValid:
            ("Das Zertifikat gilt erst ab {date}. Prüfen Sie die Uhr dieses Rechners.",
             "The certificate is valid only from {date}. Check this computer's clock.")
        case .coreIdentityRevoked:
            ("Das Zertifikat {serial} ist gesperrt. Wenden Sie sich an die Schatzmeisterin.",
             "The certificate {serial} is revoked. Contact the treasurer.")
        case .coreIdentityForeignCA:
            ("Das Zertifikat stammt nicht von der Zertifizierungsstelle dieses Tresors.",
             "The certificate was not issued by this vault's certificate authority.")
        case .coreIdentityTampered:
            ("Die Signatur des Zertifikats stimmt nicht: Es wurde verändert.",
             "The certificate's signature does not verify: it was changed.")
        case .coreIdentityWrongPurpose:
            ("Das Zertifikat ist nicht für die Anmeldung von Benutzern ausgestellt.",
             "The certificate was not issued for user authentication.")
        case .coreIdentityNotCurrent:
            ("Das Zertifikat {serial} ist nicht das aktuelle dieses Benutzers (erneuert oder Rolle geändert). Verwenden Sie das neue.",
             "The certificate {serial} is not this user's current one (renewed, or the role changed). Use the new one.")
        case .coreIdentityUserLocked:
            ("Benutzer {id} ist gesperrt (zu viele Fehlversuche oder durch die Schatzmeisterin). Sie kann den Zugang freigeben (kartei user reset {id}).",
             "User {id} is locked (too many failed attempts, or by the treasurer). The treasurer can unlock the account (kartei user reset {id}).")
        case .coreIdentityUserRevoked:
            ("Benutzer {id} ist ausgeschieden; der Zugang ist dauerhaft gesperrt.",
             "User {id} has left; the account is closed for good.")
        case .coreIdentityLegacyEncryption:
            ("{path} ist mit einem veralteten Verfahren verschlüsselt (RC2 oder 3DES), das OpenSSL 3 nicht mehr anbietet. Exportieren Sie die Datei neu, ohne „-legacy“ (openssl pkcs12 -export …), oder lassen Sie sich eine neue ausstellen (kartei user renew).",
             "{path} is encrypted with an outdated method (RC2 or 3DES) that OpenSSL 3 no longer offers. Export the file again without \"-legacy\" (openssl pkcs12 -export …), or have a new one issued (kartei user renew).")
        case .coreIdentityNotAKeyHolder:
            ("Das Zertifikat {serial} war Schlüsselinhaber dieses Tresors und ist es nicht mehr: Es wurde widerrufen, erneuert oder als Schlüsselinhaber entfernt. Es wurde nichts gelesen. Wenden Sie sich an die Schatzmeisterin.",
             "The certificate {serial} was a key holder of this vault and is no longer one: it was revoked, renewed or removed as a key holder. Nothing was read. Ask the treasurer.")
        case .coreIdentityHolderRefused:
            ("Die Identität des Schlüsselinhabers, über die dieser Aufruf den Tresor öffnet (--holder-identity oder KARTEI_HOLDER_IDENTITY), wurde abgelehnt: {why} Es wurde nichts gelesen; die Ablehnung steht im Protokoll.",
             "The key holder's identity this call opens the vault through (--holder-identity or KARTEI_HOLDER_IDENTITY) was refused: {why} Nothing was read; the refusal is in the audit log.")
        case .coreIdentityHolderOutOfPeriod:
            ("Die Identität des Schlüsselinhabers, über die dieser Aufruf den Tresor öffnen würde (--holder-identity oder KARTEI_HOLDER_IDENTITY), ist nicht gültig: {why} Der Tresor wurde nicht geöffnet; es wurde nichts gelesen.",
             "The key holder's identity this call would open the vault through (--holder-identity or KARTEI_HOLDER_IDENTITY) is not valid: {why} The vault was not opened; nothing was read.")
        case .coreIdentityInvalid:
            ("Das Zertifikat wird nicht anerkannt: Dieser Tresor hat es nicht ausgestellt.",
             "The certificate is not accepted: this vault did not issue it.")
        case .coreIdentityRequired:
            ("Geben Sie eine Identität an (--identity oder KARTEI_IDENTITY) oder öffnen Sie den Tresor mit seiner Passphrase.",
             "Name an identity (--identity or KARTEI_IDENTITY), or open the vault with its passphrase.")
        case .coreInvalidDate:
            ("„{date}“ ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT).",
             "\"{date}\" is not a valid date (YYYY-MM-DD or DD.MM.YYYY).")
        case .coreSettingInvalid:
            ("Der Wert {value} ist nicht erlaubt.",
             "The value {value} is not allowed.")
        case .cliFileExists:
            ("{path} gibt es schon; kartei überschreibt keine Datei. Wählen Sie einen anderen Namen.",
             "{path} already exists; kartei overwrites no file. Choose another name.")
        case .cliNoCAKey:
            ("Dafür wird der Schlüssel der Zertifizierungsstelle gebraucht: --ca-key DATEI oder KARTEI_CA_KEY.",
             "This needs the certificate authority's key: --ca-key FILE or KARTEI_CA_KEY.")
        case .cliNoCRL:
            ("Es gibt noch keine Sperrliste; signieren Sie eine mit „kartei ca crl --sign“.",
             "There is no CRL yet; sign one with \"kartei ca crl --sign\".")
        case .promptIdentityPassphrase:
            ("Passphrase der Identität {path}:",
             "Passphrase of the identity {path}:")
        case .promptCAPassphrase:
            ("Passphrase des Schlüssels der Zertifizierungsstelle:",
             "Passphrase of the certificate authority's key:")
        case .promptNewCAPassphrase:
            ("Neue Passphrase für den Schlüssel der Zertifizierungsstelle (mindestens 12 Zeichen):",
             "New passphrase for the certificate authority's key (at least 12 characters):")
        case .initCACreated:
            ("Zertifizierungsstelle angelegt (Seriennummer {serial}); ihr Schlüssel liegt verschlüsselt in {path}. Bewahren Sie die Datei getrennt vom Rechner auf (z. B. USB-Stick im Tresor).",
             "Certificate authority created (serial {serial}); its key is in {path}, encrypted. Keep the file away from the computer (for example on a USB stick in the safe).")
        case .initTreasurerNeedsDeclaration:
            ("--treasurer braucht --declaration-date (Datum der unterschriebenen Datenschutzerklärung).",
             "--treasurer needs --declaration-date (the date of the signed data-protection declaration).")
        case .userAdded:
            ("Benutzer {id} ({role}) angelegt.",
             "User {id} ({role}) added.")
        case .userIssued:
            ("Zertifikat {serial} für Benutzer {id} ausgestellt: {path}.",
             "Certificate {serial} issued for user {id}: {path}.")
        case .userIssuedNeedsHolder:
            ("Hinweis: Benutzer {id} hält keinen Schlüssel des Tresors. Mit dem Bündel allein öffnet er den Tresor nicht: Er arbeitet über einen Prozess, der einen Schlüssel hält – den Server des Landesverbands oder, am Rechner der Landesgeschäftsstelle, einen Aufruf mit der Identität eines Schlüsselinhabers (KARTEI_HOLDER_IDENTITY). Die Rechte prüft kartei dabei für Benutzer {id} (docs/IDENTITIES.md).",
             "Note: user {id} holds no key of the vault. The bundle alone does not open it: they work through a process that holds a key – the association's server or, at the office's computer, a call that names a key holder's identity (KARTEI_HOLDER_IDENTITY). kartei checks the rights of user {id} all the same (docs/IDENTITIES.md).")
        case .userTransportPassphraseIntro:
            ("Einmal-Passphrase der Datei – getrennt von der Datei übermitteln (z. B. telefonisch):",
             "One-time passphrase of the file — send it separately from the file (for example by phone):")
        case .userRevoked:
            ("Benutzer {id} gesperrt; {count} Zertifikat(e) widerrufen.",
             "User {id} revoked; {count} certificate(s) revoked.")
        case .userRevokedCRLDeferred:
            ("Die Sperrliste wurde nicht neu signiert (ohne Schlüssel der Zertifizierungsstelle). Im Tresor gilt die Sperre sofort; signieren Sie die Liste bald mit „kartei ca crl --sign“.",
             "The CRL was not re-signed (no certificate authority key). Inside the vault the revocation applies at once; sign the list soon with \"kartei ca crl --sign\".")
        case .userLockoutSet:
            ("Benutzer werden nach {attempts} Fehlversuchen gesperrt.",
             "Users are locked after {attempts} failed attempts.")
        case .userFieldRole:
            ("Rolle",
             "Role")
        case .userFieldStatus:
            ("Status",
             "Status")
        case .userFieldAttempts:
            ("Fehlversuche",
             "failed attempts")
        case .userFieldDeclaration:
            ("Datenschutzerklärung",
             "Data-protection declaration")
        case .userFieldContact:
            ("Kontakt",
             "Contact")
        case .userFieldCertificates:
            ("Zertifikate",
             "Certificates")
        case .userFieldHistory:
            ("Verlauf",
             "History")
        case .caCRLWritten:
            ("Sperrliste geschrieben: {path} (nächste Aktualisierung {next}).",
             "CRL written: {path} (next update {next}).")
        case .orgDistrictAdded:
            ("Kreisverband {district} angelegt.",
             "District {district} added.")
        case .helpOptionIdentity:
            ("Ihre Identität: PKCS#12-Datei oder PEM mit Zertifikat und Schlüssel (sonst KARTEI_IDENTITY).",
             "Your identity: a PKCS#12 file, or PEM with certificate and key (else KARTEI_IDENTITY).")
        case .helpOptionHolderIdentity:
            ("Identität eines Schlüsselinhabers (Server), über den dieser Aufruf für Sie handelt (sonst KARTEI_HOLDER_IDENTITY).",
             "Identity of a key holder (the server) through which this call acts for you (else KARTEI_HOLDER_IDENTITY).")
        case .helpOptionHolderPassphraseFile:
            ("Datei mit der Passphrase der Schlüsselinhaber-Identität (sonst KARTEI_HOLDER_PASSPHRASE_FILE).",
             "File with the key holder identity's passphrase (else KARTEI_HOLDER_PASSPHRASE_FILE).")
        case .helpOptionCAKey:
            ("Schlüsseldatei der Zertifizierungsstelle (sonst KARTEI_CA_KEY).",
             "Key file of the certificate authority (else KARTEI_CA_KEY).")
        case .helpOptionCAPassphraseFile:
            ("Datei mit der Passphrase des CA-Schlüssels (sonst KARTEI_CA_PASSPHRASE_FILE, sonst Abfrage).",
             "File with the CA key's passphrase (else KARTEI_CA_PASSPHRASE_FILE, else a prompt).")
        case .helpOptionCAKeyOut:
            ("Wohin der verschlüsselte CA-Schlüssel geschrieben wird (Standard: TRESOR.ca-key.pem).",
             "Where the encrypted CA key is written (default: VAULT.ca-key.pem).")
        case .helpOptionTreasurer:
            ("Name der Schatzmeisterin/des Schatzmeisters: legt sie gleich als Benutzer mit Schlüsselinhaber-Zertifikat an.",
             "Name of the treasurer: creates them at once as a user with a key-holder certificate.")
        case .helpOptionDeclarationDate:
            ("Datum der unterschriebenen Datenschutzerklärung (TT.MM.JJJJ oder JJJJ-MM-TT).",
             "Date of the signed data-protection declaration (YYYY-MM-DD or DD.MM.YYYY).")
        case .helpOptionContact:
            ("Kontakt (E-Mail oder Telefon) für Rückfragen.",
             "Contact (e-mail or phone) for queries.")
        case .helpOptionIdentityOut:
            ("Wohin die PKCS#12-Datei geschrieben wird.",
             "Where the PKCS#12 file is written.")
        case .helpOptionUserName:
            ("Vor- und Nachname.",
             "Given and family name.")
        case .helpOptionRole:
            ("Rolle: treasurer, office, district, statistician, auditor oder server.",
             "Role: treasurer, office, district, statistician, auditor or server.")
        case .helpOptionDistrict:
            ("Kreisverband (sein Name wie in „kartei org district list“).",
             "District (its name as \"kartei org district list\" shows it).")
        case .helpOptionCSR:
            ("Zertifikatsantrag (PEM), wenn der Benutzer seinen Schlüssel selbst erzeugt hat.",
             "Certificate request (PEM), when the user made their own key.")
        case .helpOptionIssueOut:
            ("Ausgabedatei: PKCS#12 (.p12) oder, mit --csr, das Zertifikat (PEM).",
             "Output file: PKCS#12 (.p12) or, with --csr, the certificate (PEM).")
        case .helpOptionDNS:
            ("DNS-Name des Servers (nur Rolle server; mehrfach möglich).",
             "DNS name of the server (role server only; repeatable).")
        case .helpOptionReason:
            ("Grund: affiliationChanged (ausgeschieden), keyCompromise (Schlüssel verloren), cessationOfOperation, unspecified.",
             "Reason: affiliationChanged (left), keyCompromise (key lost), cessationOfOperation, unspecified.")
        case .helpOptionDeferCRL:
            ("Ohne CA-Schlüssel sperren; die Sperrliste später signieren.",
             "Revoke without the CA key; sign the CRL later.")
        case .helpOptionSignCRL:
            ("Eine neue Sperrliste signieren (braucht den CA-Schlüssel).",
             "Sign a new CRL (needs the CA key).")
        case .helpOptionOut:
            ("Ausgabedatei (sonst Standardausgabe).",
             "Output file (else standard output).")
        case .helpArgumentUserID:
            ("Nummer des Benutzers (siehe „kartei user list“).",
             "Number of the user (see \"kartei user list\").")
        case .helpArgumentAttempts:
            ("Anzahl der Fehlversuche bis zur Sperre (1–100).",
             "Number of failed attempts before the lock (1–100).")
        case .helpArgumentDistrict:
            ("Name des Kreisverbands.",
             "Name of the district.")
        case .helpCAAbstract:
            ("Die Zertifizierungsstelle des Tresors: Zertifikat und Sperrliste.",
             "The vault's certificate authority: certificate and CRL.")
        case .helpCACertAbstract:
            ("Gibt das CA-Zertifikat aus (PEM).",
             "Prints the CA certificate (PEM).")
        case .helpCACertDiscussion:
            ("Beispiel: kartei ca cert > ca.pem && openssl verify -CAfile ca.pem benutzer.pem",
             "Example: kartei ca cert > ca.pem && openssl verify -CAfile ca.pem user.pem")
        case .helpCACRLAbstract:
            ("Gibt die Sperrliste aus (PEM) oder signiert eine neue.",
             "Prints the CRL (PEM) or signs a new one.")
        case .helpCACRLDiscussion:
            ("Beispiel: kartei ca crl --sign --out crl.pem\nMonatlich neu signieren: Sie gilt 30 Tage.",
             "Example: kartei ca crl --sign --out crl.pem\nRe-sign monthly: it is valid for 30 days.")
        case .helpUserAbstract:
            ("Benutzer, ihre Zertifikate und ihr Zugang.",
             "Users, their certificates and their access.")
        case .helpUserDiscussion:
            ("Beispiel: kartei user add --name \"Anja Seifert\" --role district --district Leipzig --declaration-date 01.11.2026\n         kartei user issue 3 --out anja.p12",
             "Example: kartei user add --name \"Anja Seifert\" --role district --district Leipzig --declaration-date 2026-11-01\n         kartei user issue 3 --out anja.p12")
        case .helpUserAddAbstract:
            ("Legt einen Benutzer an.",
             "Adds a user.")
        case .helpUserAddDiscussion:
            ("Ohne Datum der Datenschutzerklärung wird später kein Zertifikat ausgestellt.",
             "Without the date of the data-protection declaration no certificate will be issued.")
        case .helpUserListAbstract:
            ("Listet die Benutzer.",
             "Lists the users.")
        case .helpUserShowAbstract:
            ("Zeigt einen Benutzer mit Zertifikaten und Verlauf.",
             "Shows a user with certificates and history.")
        case .helpUserDeclarationAbstract:
            ("Trägt das Datum der unterschriebenen Datenschutzerklärung ein.",
             "Records the date of the signed data-protection declaration.")
        case .helpUserIssueAbstract:
            ("Stellt ein Zertifikat aus (PKCS#12-Datei mit Einmal-Passphrase, oder für einen Antrag).",
             "Issues a certificate (a PKCS#12 file with a one-time passphrase, or for a request).")
        case .helpUserIssueDiscussion:
            ("Beispiel: kartei user issue 3 --out anja.p12\nDie Passphrase erscheint auf der Standardausgabe; übermitteln Sie sie getrennt von der Datei.",
             "Example: kartei user issue 3 --out anja.p12\nThe passphrase appears on standard output; send it separately from the file.")
        case .helpUserRenewAbstract:
            ("Erneuert das Zertifikat (das alte wird ersetzt und gesperrt).",
             "Renews the certificate (the old one is superseded and revoked).")
        case .helpUserRenewDiscussion:
            ("Beispiel: kartei user renew 3 --out anja-2027.p12",
             "Example: kartei user renew 3 --out anja-2027.p12")
        case .helpUserRevokeAbstract:
            ("Sperrt einen Benutzer und widerruft seine Zertifikate.",
             "Revokes a user and their certificates.")
        case .helpUserRevokeDiscussion:
            ("Beispiel: kartei user revoke 3 --reason affiliationChanged\nWirkt im Tresor sofort; die Sperrliste wird neu signiert. War der Benutzer Schlüsselinhaber, wird der Datenschlüssel erneuert.",
             "Example: kartei user revoke 3 --reason affiliationChanged\nApplies inside the vault at once; the CRL is re-signed. If the user held a key, the data key is replaced.")
        case .helpUserLockAbstract:
            ("Sperrt den Zugang eines Benutzers vorübergehend.",
             "Locks a user's access for the time being.")
        case .helpUserUnlockAbstract:
            ("Gibt den Zugang wieder frei.",
             "Unlocks the access again.")
        case .helpUserResetAbstract:
            ("Setzt die Fehlversuche zurück (und hebt eine Sperre durch Fehlversuche auf).",
             "Clears the failed attempts (and a lock they caused).")
        case .helpUserLockoutAbstract:
            ("Legt fest, nach wie vielen Fehlversuchen gesperrt wird (Standard {default}).",
             "Sets after how many failed attempts a user is locked (default {default}).")
        case .helpHolderAddCertificateAbstract:
            ("Macht das Zertifikat eines Benutzers zum Schlüsselinhaber (Schatzmeister/in, Landesgeschäftsstelle, Server).",
             "Makes a user's certificate a key holder (treasurer, state office, server).")
        case .helpHolderAddCertificateDiscussion:
            ("Beispiel: kartei vault holder add-certificate 6\nDer Datenschlüssel wird als CMS-Umschlag für das Zertifikat abgelegt; openssl cms -decrypt kann ihn mit dem Schlüssel des Inhabers öffnen.",
             "Example: kartei vault holder add-certificate 6\nThe data key is stored as a CMS envelope for the certificate; openssl cms -decrypt opens it with the holder's key.")
        case .helpPolicyAbstract:
            ("Zeigt die Zugriffsrechte (Rollen × Operationen × Geltungsbereich).",
             "Shows the access policy (roles × operations × scope).")
        case .helpOrgAbstract:
            ("Die Gliederungen des Landesverbands.",
             "The structure of the state association.")
        case .helpOrgDistrictAbstract:
            ("Kreisverbände.",
             "Districts.")
        case .helpOrgDistrictAddAbstract:
            ("Legt einen Kreisverband an.",
             "Adds a district.")
        case .helpOrgDistrictListAbstract:
            ("Listet die Kreisverbände.",
             "Lists the districts.")
        case .helpOrgGrantAbstract:
            ("Befristete Zugriffe eines Kreisverbands auf einzelne Mitglieder.",
             "Time-limited access of a district to single members.")
        case .helpOrgGrantAddAbstract:
            ("Gibt einem Kreisverband befristet Zugriff auf ein Mitglied.",
             "Gives a district time-limited access to one member.")
        case .helpOrgGrantAddDiscussion:
            ("Beispiel: kartei org grant add --district Leipzig --member 100734 --days 90 --reason \"Ummeldung nach Dresden\"",
             "Example: kartei org grant add --district Leipzig --member 100734 --days 90 --reason \"transferred to Dresden\"")
        case .helpOrgGrantListAbstract:
            ("Listet die befristeten Zugriffe.",
             "Lists the time-limited grants.")
        case .helpOptionMemberNumber:
            ("Mitgliedsnummer.",
             "Member number.")
        case .helpOptionDays:
            ("Gültigkeit in Tagen.",
             "Validity in days.")
        case .helpOptionGrantOperation:
            ("Welche Operation.",
             "Which operation.")
        case .helpOptionReasonText:
            ("Grund (steht im Protokoll).",
             "Reason (recorded).")
        case .orgGrantAdded:
            ("Kreisverband {district} hat Zugriff auf Mitglied {member} bis {until}.",
             "District {district} has access to member {member} until {until}.")
        // MARK: Audit log
        case .coreAuditKeyMissing:
            ("Dem Zugriffsprotokoll fehlt sein Signaturschlüssel: Der Tresor ist beschädigt. Stellen Sie ihn aus einer Sicherung wieder her.",
             "The audit log's signing key is missing: the vault is damaged. Restore it from a backup.")
        case .coreRollbackDetected:
            ("Zurückgesetzter Tresor erkannt: Dieser Rechner kannte das Zugriffsprotokoll schon mit {seen} Einträgen, der Tresor hat {current} ({finding}). Er wurde durch eine ältere Kopie ersetzt, gekürzt oder umgeschrieben. Nichts wurde gelesen. War es eine gewollte Wiederherstellung aus einer Sicherung, bestätigen Sie sie mit „kartei audit accept-rollback“; sonst melden Sie den Vorfall.",
             "Rollback detected: this computer knew the audit log with {seen} entries, the vault has {current} ({finding}). It was replaced by an older copy, cut short or rewritten. Nothing was read. If you restored a backup on purpose, confirm it with \"kartei audit accept-rollback\"; otherwise report the incident.")
        case .corePurposeRequired:
            ("In diesem Tresor braucht jeder Zugriff auf Mitgliederdaten einen Zweck: --purpose \"…\".",
             "In this vault every access to member data needs a purpose: --purpose \"…\".")
        case .auditExportReadme:
            ("# Export des kartei-Zugriffsprotokolls\n\nMit diesem Verzeichnis prüfen Sie ohne kartei und ohne dem Herkunftsrechner zu vertrauen, dass das\nZugriffsprotokoll des Tresors mit dem Ursprung {origin} vollständig und unverändert ist. Sie\nbrauchen Python 3 (Standardbibliothek) und den Befehl openssl.\n\nDateien: entries.jsonl (ein JSON-Objekt je Protokolleintrag, in Reihenfolge), checkpoints/ (jeder\nsignierte Prüfpunkt), audit-key.der (der öffentliche Ed25519-Schlüssel des Protokolls), diese Datei.\n\nNamen und Mitgliedsnummern stehen nicht im Export: Die Felder, die Personen erkennen lassen\n(Kennung und Name der handelnden Person, die Datensatznummern, die Adresse des Rechners), erscheinen\nnur als gesalzene Festlegungen (commitments) und als Pseudonyme, die innerhalb dieses Exports\ngleich bleiben.\n\n## 1. Blatt-Hashes\n\nFür einen Eintrag mit Inhalt ist die Blatteingabe die Verkettung von\n\n1. zehn öffentlichen Feldern, jedes als 4-Byte-Länge (Big Endian) und seine UTF-8-Bytes, in dieser\n   Reihenfolge: der Text kartei-audit-v1, seq (dezimal), time, actorKind, actorRole, actorScope,\n   action, objectType, purpose, outcome;\n2. den vier commitments (je 32 Byte, in der Datei hexadezimal), in dieser Reihenfolge: credential,\n   name, objects, client.\n\nDer Blatt-Hash ist SHA-256 des Bytes 0x00 gefolgt von der Blatteingabe. Er muss leafHash gleichen.\nFür einen gelöschten Eintrag (Aufbewahrungsfrist) gilt leafHash wie angegeben.\n\n## 2. Der Baum\n\nRFC 9162, Abschnitt 2.1: Knoten = SHA-256(0x01 + links + rechts); der Baum über die Blätter 0 bis\nn-1 teilt bei der größten Zweierpotenz unter n; die Wurzel des leeren Baums ist SHA-256 von nichts.\n\n## 3. Prüfpunkte\n\nJede Datei checkpoints/NNNNNNNNNNNN.checkpoint (die Größe, 12 Ziffern) ist eine signierte Notiz nach\nC2SP: drei Zeilen (Ursprung, Größe dezimal ohne führende Nullen, Wurzel in base64), eine Leerzeile,\ndann Signaturzeilen: U+2014 (Geviertstrich), Leerzeichen, Schlüsselname (= Ursprung), Leerzeichen,\nbase64 von 4 Bytes Schlüsselkennung und 64 Byte Ed25519-Signatur über die drei Zeilen (jede mit\nZeilenende). Schlüsselkennung = die ersten 4 Bytes von SHA-256(Schlüsselname + Zeilenende + Byte 0x01\n+ die 32 Byte des rohen öffentlichen Schlüssels); der rohe Schlüssel sind die letzten 32 Byte von\naudit-key.der. Genau eine Zeile muss die Kennung des Protokollschlüssels und eine gültige Signatur\ntragen; Zeilen anderer Schlüssel dürfen übergangen werden. Für jeden Prüfpunkt muss die Wurzel der\nersten size Blätter seiner Wurzel gleichen und die Signatur stimmen:\n\n    openssl pkeyutl -verify -pubin -keyform DER -inkey audit-key.der -rawin -in body.txt -sigfile sig.bin\n\nDer neueste Prüfpunkt deckt jeden Eintrag dieses Exports ab (kartei signiert beim Export einen): Ein\nEintrag dahinter heißt, die Datei wurde nach dem Export verlängert. Da alle Blätter vorliegen, beweist\ndas Nachrechnen jeder Wurzel auch, dass jeder Prüfpunkt den vorigen fortsetzt.\n\n## 4. Werte und was sie beweisen\n\nseq ist die Position des Eintrags (0, 1, 2 …, im Blatt dezimal ohne führende Nullen); Textfelder\ngehen genau so ins Blatt ein, wie die JSON-Zeichenketten dekodiert lauten (UTF-8, ohne\nNormalisierung). Gelöschte Einträge haben nur seq, leafHash und \"erased\": true. Die Pseudonyme\nerleichtern das Lesen und gehen nicht in den Blatt-Hash ein. Der Ursprung oben benennt diesen\nTresor; vergleichen Sie ihn mit dem Ursprung eines Prüfpunkts aus einem früheren Export. Bewahren\nSie den neuesten Prüfpunkt selbst auf. Beim nächsten Mal muss das Protokoll ihn fortsetzen: Die\nWurzel seiner ersten size Blätter muss noch seine Wurzel sein. Sonst wurde das Protokoll gekürzt\noder umgeschrieben.\n",
             "# kartei audit log export\n\nThis directory lets you check, without kartei and without trusting the machine it came from, that\nthe audit log of the vault with origin {origin} is complete and unchanged. You need Python 3\n(standard library) and the openssl command.\n\nFiles: entries.jsonl (one JSON object per log entry, in order), checkpoints/ (every signed\ncheckpoint), audit-key.der (the log's Ed25519 public key), this README.\n\nNames and record numbers are not in the export: the fields that identify people (the acting\nperson's credential and name, the record numbers, the client address) appear only as salted\ncommitments and as pseudonyms that are stable within this export.\n\n## 1. Leaf hashes\n\nFor an entry with content, the leaf input is the concatenation of\n\n1. ten public fields, each as a 4-byte big-endian length followed by its UTF-8 bytes, in this order:\n   the text kartei-audit-v1, seq (decimal), time, actorKind, actorRole, actorScope, action,\n   objectType, purpose, outcome;\n2. the four commitments (32 bytes each, hex in the file), in this order: credential, name,\n   objects, client.\n\nThe leaf hash is SHA-256 of the byte 0x00 followed by the leaf input. It must equal leafHash. For an\nerased entry (retention) take leafHash as given.\n\n## 2. The tree\n\nRFC 9162 section 2.1: node = SHA-256(0x01 + left + right); the tree over leaves 0 to n-1 splits at\nthe largest power of two smaller than n; the empty tree's root is SHA-256 of nothing.\n\n## 3. Checkpoints\n\nEach file checkpoints/NNNNNNNNNNNN.checkpoint (the size, 12 digits) is a C2SP signed note: three body\nlines (origin, size in decimal without leading zeros, base64 root), a blank line, then signature\nlines: U+2014 (em dash), a space, the key name (= the origin), a space, base64 of 4 key-id bytes\nfollowed by the 64-byte Ed25519 signature over the body (the three lines, each with its newline).\nKey id = the first 4 bytes of SHA-256(key name + newline + byte 0x01 + the 32-byte raw public key);\nthe raw key is the last 32 bytes of audit-key.der. Exactly one line must carry the audit key's id\nand a valid signature; lines of other keys may be ignored. For each checkpoint: the root of the\nfirst size leaves must equal the body's root, and the signature must verify:\n\n    openssl pkeyutl -verify -pubin -keyform DER -inkey audit-key.der -rawin -in body.txt -sigfile sig.bin\n\nThe newest checkpoint covers every entry of this export (kartei signs one as it exports): an entry\nbeyond it means the file was extended after the export. With every leaf present, recomputing each\ncheckpoint's root also proves that each checkpoint extends the one before.\n\n## 4. Values and what they prove\n\nseq is the entry's position (0, 1, 2 …, decimal without leading zeros in the leaf); text fields go\ninto the leaf exactly as the JSON strings decode (UTF-8, no normalisation). Erased entries have only\nseq, leafHash and \"erased\": true. The pseudonyms are a convenience for reading and are not part of\nthe leaf hash. The origin above names this vault; compare it with the origin of a checkpoint you\nkept from an earlier export. Keep the newest checkpoint yourself. Next time, the log must extend\nit: the root of its first size leaves must still be its root. If not, the log was cut short or\nrewritten.\n")
        case .coreExportDirectoryExists:
            ("{path} gibt es schon. Der Export kommt in ein neues Verzeichnis, das kartei selbst anlegt (nur für Sie lesbar); wählen Sie einen Namen, den es noch nicht gibt. Nichts wurde gespeichert.",
             "{path} already exists. The export goes into a new directory that kartei creates itself (readable by you only); choose a name that does not exist yet. Nothing was saved.")
        case .helpAuditAbstract:
            ("Das fälschungssichere Zugriffsprotokoll: anzeigen, prüfen, exportieren.",
             "The tamper-evident access log: show, verify, export.")
        case .helpAuditDiscussion:
            ("Jeder Zugriff auf personenbezogene Daten, jede Verweigerung, jede Benutzer-, Zertifikats- und Schlüsseloperation steht darin. docs/FORMATS.md §9 beschreibt das Format.",
             "Every access to personal data, every denial, every user, certificate and key operation is in it. docs/FORMATS.md §9 describes the format.")
        case .helpAuditShowAbstract:
            ("Zeigt Einträge (pseudonymisiert: ohne Namen und Mitgliedsnummern).",
             "Shows entries (pseudonymised: no names, no member numbers).")
        case .helpAuditShowDiscussion:
            ("Beispiel: kartei audit show --since 01.11.2026 --action memberRead --format csv",
             "Example: kartei audit show --since 2026-11-01 --action memberRead --format csv")
        case .helpAuditWhoReadAbstract:
            ("Wer hat die Daten eines Mitglieds gelesen, wann und wozu (Art. 15 DSGVO)?",
             "Who read a member's data, when and why (GDPR Art. 15)?")
        case .helpAuditWhoReadDiscussion:
            ("Beispiel: kartei audit who-read 100734 --purpose \"Auskunftsersuchen vom 20.11.2026\"",
             "Example: kartei audit who-read 100734 --purpose \"access request of 2026-11-20\"")
        case .helpAuditVerifyAbstract:
            ("Rechnet das ganze Protokoll nach und prüft jeden Prüfpunkt.",
             "Recomputes the whole log and checks every checkpoint.")
        case .helpAuditVerifyDiscussion:
            ("Beispiel: kartei audit verify --checkpoint mein-letzter.checkpoint\nExit-Code 88 beim ersten Fehler (mit seiner Nummer).",
             "Example: kartei audit verify --checkpoint my-last.checkpoint\nExit code 88 at the first problem (with its index).")
        case .helpAuditExportAbstract:
            ("Exportiert das Protokoll pseudonymisiert für die Prüfung.",
             "Exports the log, pseudonymised, for the auditors.")
        case .helpAuditExportDiscussion:
            ("Beispiel: kartei audit export pruefung-2026 --purpose \"Finanzrevision 2026\"\nDas Verzeichnis enthält eine Anleitung, wie man es mit Python und openssl prüft.",
             "Example: kartei audit export audit-2026 --purpose \"financial audit 2026\"\nThe directory explains how to check it with Python and openssl.")
        case .helpAuditCheckpointAbstract:
            ("Gibt den neuesten signierten Prüfpunkt aus – zum Aufbewahren außerhalb des Tresors.",
             "Prints the newest signed checkpoint, to keep outside the vault.")
        case .helpAuditPruneAbstract:
            ("Löscht Inhalte abgelaufener Einträge (die Prüfsummen bleiben).",
             "Erases the contents of expired entries (the hashes stay).")
        case .helpAuditPruneDiscussion:
            ("Beispiel: kartei audit prune --dry-run\nStandard: Inhalte bleiben bis zum Ende des Folgejahres (kartei audit retention).",
             "Example: kartei audit prune --dry-run\nDefault: contents are kept until the end of the following year (kartei audit retention).")
        case .helpAuditAcceptRollbackAbstract:
            ("Bestätigt eine gewollte Wiederherstellung aus einer Sicherung.",
             "Confirms a deliberate restore from a backup.")
        case .helpAuditAcceptRollbackDiscussion:
            ("Nur nach einer bewussten Wiederherstellung verwenden: Sonst verdeckt es einen Angriff. Die Bestätigung steht im Protokoll.",
             "Only after a deliberate restore: otherwise it covers an attack. The confirmation is recorded.")
        case .helpAuditRequirePurposeAbstract:
            ("Verlangt (on) oder erlaubt es ohne (off), bei jedem Lesen von Mitgliederdaten einen Zweck anzugeben.",
             "Requires (on) or not (off) a purpose for every read of member data.")
        case .helpAuditRetentionAbstract:
            ("Legt fest, wie viele Jahre nach ihrem Jahr Einträge ihren Inhalt behalten (Standard {default}).",
             "Sets for how many years after their own year entries keep their content (default {default}).")
        case .helpOptionSince:
            ("Ab diesem Tag (TT.MM.JJJJ oder JJJJ-MM-TT).",
             "From this day (YYYY-MM-DD or DD.MM.YYYY).")
        case .helpOptionUntil:
            ("Bis einschließlich zu diesem Tag.",
             "Up to and including this day.")
        case .helpOptionActor:
            ("Seriennummer (Anfang) des Zertifikats der handelnden Person.",
             "Serial (prefix) of the acting person's certificate.")
        case .helpOptionAction:
            ("Nur diese Aktion, z. B. memberRead oder vault.open.",
             "Only this action, for example memberRead or vault.open.")
        case .helpOptionLimit:
            ("Nur die letzten N Einträge.",
             "Only the last N entries.")
        case .helpOptionPurpose:
            ("Zweck des Zugriffs (steht im Protokoll).",
             "Purpose of the access (recorded).")
        case .helpOptionCheckpointFile:
            ("Ein außerhalb des Tresors aufbewahrter Prüfpunkt (mehrfach möglich).",
             "A checkpoint kept outside the vault (repeatable).")
        case .helpOptionDryRun:
            ("Nur zählen, nichts löschen.",
             "Only count, erase nothing.")
        case .helpArgumentExportDirectory:
            ("Neues oder leeres Verzeichnis.",
             "A new or empty directory.")
        case .helpArgumentOnOff:
            ("on oder off.",
             "on or off.")
        case .helpArgumentYears:
            ("Jahre (1–30).",
             "Years (1–30).")
        case .auditErased:
            ("Inhalt nach Ablauf der Aufbewahrungsfrist gelöscht",
             "content erased after the retention period")
        case .auditNobodyRead:
            ("Für Mitglied {member} gibt es keine Einträge.",
             "There are no entries for member {member}.")
        case .auditVerifySummary:
            ("Protokoll mit {size} Einträgen ({content} mit Inhalt, {erased} gelöscht), {checkpoints} Prüfpunkte bestätigt.",
             "Log of {size} entries ({content} with content, {erased} erased), {checkpoints} checkpoints confirmed.")
        case .auditVerifyValid:
            ("In Ordnung: Das Protokoll ist vollständig und unverändert.",
             "All good: the log is complete and unchanged.")
        case .auditVerifyFirstProblem:
            ("FEHLER ab Eintrag {index}: {kind} {detail}. Das Protokoll wurde verändert; stellen Sie den Tresor aus einer Sicherung wieder her und melden Sie den Vorfall.",
             "PROBLEM from entry {index}: {kind} {detail}. The log was changed; restore the vault from a backup and report the incident.")
        case .auditExported:
            ("Protokoll exportiert nach {path}: {entries} Einträge, {checkpoints} Prüfpunkte.",
             "Log exported to {path}: {entries} entries, {checkpoints} checkpoints.")
        case .auditPruneDryRun:
            ("{count} Einträge vor {cutoff} würden ihren Inhalt verlieren (Probelauf, nichts gelöscht).",
             "{count} entries before {cutoff} would lose their content (dry run, nothing erased).")
        case .auditPruned:
            ("{count} Einträge vor {cutoff} haben ihren Inhalt verloren; ihre Prüfsummen bleiben.",
             "{count} entries before {cutoff} lost their content; their hashes stay.")
        case .auditRollbackAccepted:
            ("Wiederherstellung bestätigt und protokolliert.",
             "Restore confirmed and recorded.")
        case .auditPurposeRequiredOn:
            ("Ab jetzt braucht jedes Lesen von Mitgliederdaten einen Zweck (--purpose).",
             "From now on every read of member data needs a purpose (--purpose).")
        case .auditPurposeRequiredOff:
            ("Ein Zweck ist nicht mehr vorgeschrieben (aber weiterhin möglich).",
             "A purpose is no longer required (but still possible).")
        case .auditRetentionSet:
            ("Protokollinhalte bleiben bis zum Ende des {years}. Jahres nach ihrem Jahr.",
             "Log contents are kept until {years} full year(s) after the end of their own year.")
        case .helpBenchAuditAbstract:
            ("Misst, was das Zugriffsprotokoll kostet.",
             "Measures what the audit log costs.")
        case .helpBenchAuditDiscussion:
            ("Beispiel: kartei bench audit --entries 1000000\nGleiche Schreibarbeit mit und ohne Protokolleinträge; Dauer von audit verify über N Einträge.",
             "Example: kartei bench audit --entries 1000000\nThe same writes with and without audit entries; the time of audit verify over N entries.")
        case .helpOptionEntries:
            ("Anzahl der Protokolleinträge.",
             "Number of audit entries.")
        case .coreMemberNotFound:
            ("Die Person {member} gibt es nicht. Angegeben wird die Mitgliedsnummer oder #Nummer eines offenen Aufnahmeantrags; „kartei member search NAME“ hilft beim Finden.",
             "There is no person {member}. Give the member number, or #id of a pending entry; \"kartei member search NAME\" helps to find it.")
        case .coreMemberEventBeforeLast:
            ("{member}: Eine Änderung zum {date} liegt vor der letzten erfassten Änderung ({last}). Änderungen werden in zeitlicher Reihenfolge erfasst; nichts wurde gespeichert.",
             "{member}: a change as of {date} lies before the last recorded change ({last}). Changes are recorded in date order; nothing was saved.")
        case .coreMemberEventNotAllowed:
            ("{member}: „{event}“ ist bei Status „{status}“ nicht möglich; nichts wurde gespeichert.",
             "{member}: \"{event}\" is not possible with status \"{status}\"; nothing was saved.")
        case .coreMemberNotYet:
            ("{member} war am {date} noch nicht erfasst.",
             "{member} was not yet on record on {date}.")
        case .coreMemberImportUnreadable:
            ("{file} ist keine lesbare CSV-Datei (Zeile {line}, Spalte {column}: ein Anführungszeichen ist nicht geschlossen, Text folgt auf ein schließendes Anführungszeichen oder die Datei ist nicht UTF-8). Speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“; nichts wurde importiert.",
             "{file} is not a readable CSV file (line {line}, column {column}: an unclosed quote, text after a closing quote, or not UTF-8). Save it as \"CSV UTF-8 (comma delimited)\"; nothing was imported.")
        case .memberImportInvalid:
            ("{file}: {count} Zeilen mit Fehlern (oben aufgeführt); nichts wurde importiert. Korrigieren Sie die Datei und importieren Sie sie erneut.",
             "{file}: {count} lines with errors (listed above); nothing was imported. Correct the file and import it again.")
        case .memberInvalid:
            ("Die Angaben sind nicht gültig ({field}: {problem}); nichts wurde gespeichert.",
             "The data is not valid ({field}: {problem}); nothing was saved.")
        case .memberImportProblem:
            ("Zeile {line}, Spalte {column} ({field}): {problem}",
             "line {line}, column {column} ({field}): {problem}")
        case .memberImportMoreProblems:
            ("… und {count} weitere Fehler.",
             "… and {count} more problems.")
        case .problemRequired:
            ("fehlt",
             "missing")
        case .problemDistrict:
            ("unbekannter Kreisverband „{district}“ („kartei org district list“ zeigt alle)",
             "unknown district \"{district}\" (\"kartei org district list\" shows them all)")
        case .problemGender:
            ("f, m, d oder leer",
             "f, m, d or empty")
        case .problemPostalCode:
            ("Postleitzahl aus fünf Ziffern",
             "a postal code of five digits")
        case .problemEmail:
            ("keine E-Mail-Adresse",
             "not an e-mail address")
        case .problemAmount:
            ("kein Betrag in Euro: erlaubt sind Ziffern, ein Komma oder Punkt vor den Cent, Tausenderpunkte und € oder EUR davor oder dahinter, keine Buchstaben und keine Leerzeichen in der Zahl (z. B. 12,50 oder 1.500,00 €)",
             "not an amount in euro: digits, a comma or point before the cents, thousands separators and € or EUR before or after are allowed, no letters and no blanks inside the number (e.g. 12,50 or 1.500,00 €)")
        case .problemDate:
            ("kein gültiges Datum (TT.MM.JJJJ; der Wert wird nicht wiederholt, er kann ein Geburtstag sein)",
             "not a valid date (DD.MM.YYYY; the value is not repeated, it may be a birthday)")
        case .problemFuture:
            ("liegt in der Zukunft",
             "lies in the future")
        case .problemTooYoung:
            ("Eintritt vor dem {age}. Geburtstag",
             "entry before age {age}")
        case .problemBeforeBirth:
            ("liegt vor der Geburt",
             "lies before the birth date")
        case .problemBeforeEntry:
            ("liegt vor dem Eintritt",
             "lies before the entry date")
        case .problemUnknownColumn:
            ("unbekannte Spalte (docs/MEMBERS.md nennt die Spalten; die erste Zeile muss die Kopfzeile sein, ihr Text wird nicht wiederholt, falls sie eine Person enthält)",
             "unknown column (docs/MEMBERS.md lists the columns; the first line must be the header, its text is not repeated in case it holds a person)")
        case .problemMissingColumn:
            ("die Spalte {name} fehlt",
             "the column {name} is missing")
        case .problemNumberTwice:
            ("Mitgliedsnummer {number} steht zweimal in der Datei (zuerst in Zeile {other})",
             "member number {number} appears twice in the file (first in line {other})")
        case .problemNumberTaken:
            ("Mitgliedsnummer {number} ist schon vergeben",
             "member number {number} is already taken")
        case .problemColumns:
            ("die Zeile hat {count} Felder, die Kopfzeile {expected}",
             "the line has {count} fields, the header {expected}")
        case .problemNumber:
            ("keine gültige Mitgliedsnummer",
             "not a valid member number")
        case .problemKind:
            ("unbekannte Art „{value}“ (member, guest, subscriber)",
             "unknown kind \"{value}\" (member, guest, subscriber)")
        case .problemStatus:
            ("unbekannter Status „{value}“ (pending, active, resigned, deceased, expelled, transferred)",
             "unknown status \"{value}\" (pending, active, resigned, deceased, expelled, transferred)")
        case .problemExitWithoutStatus:
            ("ein Austrittsdatum braucht den Status resigned, deceased, expelled oder transferred",
             "an exit date needs the status resigned, deceased, expelled or transferred")
        case .problemPendingNumber:
            ("ein offener Aufnahmeantrag hat noch keine Mitgliedsnummer",
             "a pending entry has no member number yet")
        case .memberBadReference:
            ("„{text}“ ist keine Mitgliedsnummer und keine #Nummer eines Antrags.",
             "\"{text}\" is neither a member number nor the #id of a pending entry.")
        case .memberBadStatus:
            ("Unbekannter Status „{value}“: active, pending, resigned, deceased, expelled, transferred oder all.",
             "Unknown status \"{value}\": active, pending, resigned, deceased, expelled, transferred or all.")
        case .memberNothingToChange:
            ("Nichts zu ändern: Geben Sie mindestens ein Feld an, z. B. --street.",
             "Nothing to change: give at least one field, for example --street.")
        case .memberImportFileMissing:
            ("Die Datei {file} gibt es nicht oder sie ist nicht lesbar.",
             "The file {file} does not exist or cannot be read.")
        case .memberImported:
            ("{count} Personen aus {file} importiert.",
             "{count} people imported from {file}.")
        case .memberSaved:
            ("{member} gespeichert ({event} zum {date}).",
             "{member} saved ({event} as of {date}).")
        case .memberNoMatches:
            ("Keine Treffer.",
             "No matches.")
        // MARK: Import checks, search totals, membership cards
        case .problemColumnTwice:
            ("meint dasselbe Feld wie Spalte {other} ({name}); jede Spalte darf nur einmal vorkommen",
             "means the same field as column {other} ({name}); each column may appear only once")
        case .problemControlCharacter:
            ("enthält das Steuerzeichen {code} (z. B. Zeilenumbruch, Tabulator oder Nullbyte); entfernen Sie es",
             "contains the control character {code} (for example a line break, tab or null byte); remove it")
        case .problemInvisibleCharacter:
            ("enthält das unsichtbare Zeichen {code} (Schreibrichtung, Zeilentrenner, weiches Trennzeichen, Füllzeichen, Variantenwähler oder Zeichen ohne Breite), das Text verstellen kann; entfernen Sie es",
             "contains the invisible character {code} (text direction, line separator, soft hyphen, filler, variation selector or zero-width character), which can disguise text; remove it")
        case .problemTooLong:
            ("länger als {limit} Zeichen",
             "longer than {limit} characters")
        // MARK: Free text: the character rule and its limits (docs/FORMATS.md §11)
        case .problemCombiningMarks:
            ("trägt auf einem Zeichen mehr als {limit} Akzente oder Verbinder (das erste zu viel: {code}), die über andere Zeilen hinausragen können; entfernen Sie sie",
             "carries more than {limit} accents or joiners on one character (the first too many: {code}), which can spill over other lines; remove them")
        case .coreTextControlCharacter:
            ("Der Text von „{field}“ enthält das Steuerzeichen {code} (z. B. Zeilenumbruch, Tabulator oder Escape). Kein Text in kartei darf Steuerzeichen enthalten; es wurde nichts gelesen und nichts gespeichert. Geben Sie den Text ohne dieses Zeichen noch einmal ein.",
             "The text of \"{field}\" contains the control character {code} (for example a line break, tab or escape). No text in kartei may hold control characters; nothing was read or saved. Enter the text again without it.")
        case .coreTextInvisibleCharacter:
            ("Der Text von „{field}“ enthält das unsichtbare Zeichen {code} (Schreibrichtung, weiches Trennzeichen, Füllzeichen, Variantenwähler oder Zeichen ohne Breite), das Text verstellen kann; es wurde nichts gelesen und nichts gespeichert. Geben Sie den Text ohne dieses Zeichen noch einmal ein (beim Kopieren aus anderen Programmen kommt es oft unbemerkt mit).",
             "The text of \"{field}\" contains the invisible character {code} (text direction, soft hyphen, filler, variation selector or zero-width character), which can disguise text; nothing was read or saved. Enter the text again without it (it often comes along unnoticed when copying from other programs).")
        case .coreTextCombiningMarks:
            ("Der Text von „{field}“ trägt auf einem Zeichen mehr als {limit} Akzente oder Verbinder (das erste zu viel: {code}); so gehäuft ragen sie über andere Zeilen hinaus. Es wurde nichts gelesen und nichts gespeichert. Geben Sie den Text ohne diese Häufung noch einmal ein.",
             "The text of \"{field}\" carries more than {limit} accents or joiners on one character (the first too many: {code}); stacked like that they spill over other lines. Nothing was read or saved. Enter the text again without them.")
        case .coreTextTooLong:
            ("Der Text von „{field}“ ist länger als {limit} Zeichen; es wurde nichts gelesen und nichts gespeichert. Kürzen Sie ihn (das Wesentliche in einem Satz) und geben Sie ihn noch einmal ein.",
             "The text of \"{field}\" is longer than {limit} characters; nothing was read or saved. Shorten it (the gist in one sentence) and enter it again.")
        case .coreImportEmpty:
            ("{file} ist leer (keine Kopfzeile, keine Daten); nichts wurde importiert. Prüfen Sie, ob Sie die richtige Datei gewählt haben.",
             "{file} is empty (no header line, no data); nothing was imported. Check that you chose the right file.")
        case .coreImportNoRows:
            ("{file} hat eine Kopfzeile, aber keine Datenzeilen; nichts wurde importiert. Prüfen Sie, ob Sie die richtige Datei gewählt haben.",
             "{file} has a header line but no data lines; nothing was imported. Check that you chose the right file.")
        case .memberSearchCut:
            ("{shown} von {total} Treffern angezeigt; mit --limit {total} werden alle angezeigt.",
             "{shown} of {total} matches shown; use --limit {total} to show them all.")
        case .coreExportCardsFormat:
            ("Mitgliedsausweise werden als HTML geschrieben (eine A4-Seite je Bogen mit zehn Ausweisen, im Browser oder als PDF zu drucken): geben Sie eine Datei mit der Endung .html an, nicht {file}. Es wurde nichts ausgegeben.",
             "Membership cards are written as HTML (one A4 page per sheet of ten cards, to print from a browser or as PDF): name a file ending in .html, not {file}. Nothing was exported.")
        case .cardNumber:
            ("Nr. {number}",
             "No. {number}")
        case .cardsTitle:
            ("Mitgliedsausweise",
             "Membership cards")
        case .fieldNumber:
            ("Nummer",
             "Number")
        case .fieldName:
            ("Name",
             "Name")
        case .fieldBirthDate:
            ("Geburtsdatum",
             "Birth date")
        case .fieldGender:
            ("Geschlecht",
             "Gender")
        case .fieldAddress:
            ("Anschrift",
             "Address")
        case .fieldEmail:
            ("E-Mail",
             "E-mail")
        case .fieldPhone:
            ("Telefon",
             "Phone")
        case .fieldDistrict:
            ("Kreisverband",
             "District")
        case .fieldKindStatus:
            ("Art, Status",
             "Kind, status")
        case .fieldEntryDate:
            ("Eintritt",
             "Entry")
        case .fieldExitDate:
            ("Austritt",
             "Exit")
        case .fieldDues:
            ("Monatsbeitrag",
             "Monthly dues")
        case .fieldHistory:
            ("Verlauf",
             "History")
        case .helpMemberAbstract:
            ("Die Mitgliederdatei: auflisten, anzeigen, suchen, erfassen, ändern, importieren.",
             "The member file: list, show, search, record, change, import.")
        case .helpMemberDiscussion:
            ("Jede Abfrage beschreibt einen Tag (--as-of, Standard heute); jede Änderung gilt ab einem Tag und hat einen Grund. Jeder Zugriff steht im Zugriffsprotokoll. docs/MEMBERS.md beschreibt Felder, Regeln und JSON.",
             "Every query describes one day (--as-of, default today); every change holds from a day and has a reason. Every access is in the audit log. docs/MEMBERS.md describes fields, rules and JSON.")
        case .helpMemberListAbstract:
            ("Listet Personen auf, wie sie an einem Tag standen.",
             "Lists people as they stood on one day.")
        case .helpMemberListDiscussion:
            ("Beispiel: kartei member list --district Leipzig --as-of 31.12.2025 --format json\nStandard: aktive Mitglieder; --status all zeigt alle, --status resigned,deceased die Ausgetretenen und Verstorbenen.",
             "Example: kartei member list --district Leipzig --as-of 2025-12-31 --format json\nDefault: active members; --status all shows everyone, --status resigned,deceased those who left or died.")
        case .helpMemberShowAbstract:
            ("Zeigt eine Person, wie sie an einem Tag stand, mit ihrem ganzen Verlauf.",
             "Shows one person as they stood on one day, with their whole history.")
        case .helpMemberShowDiscussion:
            ("Beispiel: kartei member show 100734 --as-of 01.01.2020",
             "Example: kartei member show 100734 --as-of 2020-01-01")
        case .helpMemberSearchAbstract:
            ("Sucht nach Mitgliedsnummer oder Namen, ohne Rücksicht auf Umlaute, Akzente und Schreibweise.",
             "Searches by member number or name, regardless of umlauts, accents and spelling.")
        case .helpMemberSearchDiscussion:
            ("Beispiele: kartei member search Müller · kartei member search \"Mueller, Anna\" · kartei member search Maier (findet auch Meyer)\nTreffer: exact, prefix, part (ein Teil eines Doppelnamens: Schaefer findet Groß-Schäfer), phonetic (Kölner Phonetik), fuzzy (ein, zwei Tippfehler), given (nur der Vorname: Zoe findet Zoë). Ist die Liste bei --limit abgeschnitten, steht auf stderr, wie viele es insgesamt sind.",
             "Examples: kartei member search Müller · kartei member search \"Mueller, Anna\" · kartei member search Maier (finds Meyer too)\nMatches: exact, prefix, part (a part of a double name: Schaefer finds Groß-Schäfer), phonetic (Kölner Phonetik), fuzzy (one or two typos), given (the given name alone: Zoe finds Zoë). A list cut at --limit says on stderr how many matched in all.")
        case .helpMemberAddAbstract:
            ("Erfasst eine Person aus ihrer Beitrittserklärung.",
             "Records a person from their entry declaration.")
        case .helpMemberAddDiscussion:
            ("Beispiel: kartei member add --given-name Anna --family-name Beispiel --birth-date 03.04.1990 --district Leipzig --entry-date 01.12.2026\nMit --pending bleibt der Antrag offen, bis der Kreisverband bestätigt (kartei member event #ID confirm); erst dann gibt es die Mitgliedsnummer.",
             "Example: kartei member add --given-name Anna --family-name Example --birth-date 1990-04-03 --district Leipzig --entry-date 2026-12-01\nWith --pending the entry stays open until the district confirms it (kartei member event #ID confirm); only then is the member number allocated.")
        case .helpMemberChangeAbstract:
            ("Ändert Angaben ab einem Tag (Umzug, neue Anschrift, Beitrag).",
             "Changes details from a given day (a move, a new address, dues).")
        case .helpMemberChangeDiscussion:
            ("Beispiel: kartei member change 100734 --street Hauptstraße --house-number 5 --valid-from 01.12.2026 --reason \"Umzug laut Mitteilung\"\nEin neuer Kreisverband (--district) ist ein Umzug zwischen Kreisverbänden. Kreisverbände dürfen Anschrift und Kontakt ändern, sonst nichts.",
             "Example: kartei member change 100734 --street Hauptstraße --house-number 5 --valid-from 2026-12-01 --reason \"moved, letter of 20 Nov\"\nA new district (--district) is a move between districts. District officers may change address and contact only.")
        case .helpMemberEventAbstract:
            ("Erfasst Bestätigung oder Ablehnung eines Antrags, Austritt, Tod, Ausschluss oder Wiedereintritt.",
             "Records the confirmation or rejection of an entry, a resignation, death, expulsion or re-entry.")
        case .helpMemberEventDiscussion:
            ("Beispiel: kartei member event 100734 resign --date 31.12.2026 --reason \"Austrittserklärung vom 20.11.2026\"",
             "Example: kartei member event 100734 resign --date 2026-12-31 --reason \"letter of resignation of 2026-11-20\"")
        case .helpMemberImportAbstract:
            ("Importiert Personen aus einer CSV-Datei: alles oder nichts.",
             "Imports people from a CSV file: all or nothing.")
        case .helpMemberImportDiscussion:
            ("Semikolon, UTF-8 (mit oder ohne BOM), Datum TT.MM.JJJJ, Beträge 12,50. Kopfzeile deutsch oder englisch (Vorname/givenName, Nachname/familyName, Kreisverband/district, Eintritt/entryDate …; docs/MEMBERS.md). Jede Zeile wird geprüft, bevor etwas gespeichert wird; jeder Fehler wird mit Zeile und Spalte genannt.",
             "Semicolons, UTF-8 (with or without BOM), dates DD.MM.YYYY, amounts 12,50. Header in German or English (Vorname/givenName, Nachname/familyName, Kreisverband/district, Eintritt/entryDate …; docs/MEMBERS.md). Every line is checked before anything is saved; every problem is named with line and column.")
        case .helpOptionAsOf:
            ("Stand an diesem Tag (TT.MM.JJJJ oder JJJJ-MM-TT; Standard: heute).",
             "State on this day (YYYY-MM-DD or DD.MM.YYYY; default: today).")
        case .helpOptionStatus:
            ("Nur dieser Status (active, pending, resigned, deceased, expelled, transferred, all; kommagetrennt oder mehrfach).",
             "Only this status (active, pending, resigned, deceased, expelled, transferred, all; comma-separated or repeated).")
        case .helpOptionValidFrom:
            ("Gilt ab diesem Tag (Standard: heute).",
             "Holds from this day (default: today).")
        case .helpOptionEntryDate:
            ("Eintrittsdatum (Standard: heute).",
             "Entry date (default: today).")
        case .helpOptionEventDate:
            ("Tag des Ereignisses (Standard: heute).",
             "Day of the event (default: today).")
        case .helpOptionPending:
            ("Aufnahmeantrag offen lassen, bis der Kreisverband bestätigt.",
             "Keep the entry pending until the district confirms it.")
        case .helpArgumentMemberReference:
            ("Mitgliedsnummer oder #Nummer eines offenen Antrags.",
             "Member number, or #id of a pending entry.")
        case .helpArgumentSearchQuery:
            ("Name oder Nummer, z. B. „Müller“, „Mueller, Anna“ oder „100734“.",
             "Name or number, e.g. \"Müller\", \"Mueller, Anna\" or \"100734\".")
        case .helpArgumentLifecycleEvent:
            ("Ereignis: confirm, reject (Antrag abgelehnt), resign, death, expel, reenter.",
             "Event: confirm, reject (entry not accepted), resign, death, expel, reenter.")
        case .helpArgumentCSVFile:
            ("Die CSV-Datei.",
             "The CSV file.")
        case .helpFieldGivenName:
            ("Vorname.",
             "Given name.")
        case .helpFieldFamilyName:
            ("Nachname.",
             "Family name.")
        case .helpFieldBirthDate:
            ("Geburtsdatum.",
             "Birth date.")
        case .helpFieldGender:
            ("Geschlecht: f, m oder d.",
             "Gender: f, m or d.")
        case .helpFieldStreet:
            ("Straße.",
             "Street.")
        case .helpFieldHouseNumber:
            ("Hausnummer.",
             "House number.")
        case .helpFieldPostalCode:
            ("Postleitzahl.",
             "Postal code.")
        case .helpFieldCity:
            ("Ort.",
             "City or town.")
        case .helpFieldEmail:
            ("E-Mail-Adresse.",
             "E-mail address.")
        case .helpFieldPhone:
            ("Telefonnummer.",
             "Phone number.")
        case .helpFieldBranch:
            ("Ortsverband.",
             "Local branch.")
        case .helpFieldDues:
            ("Monatsbeitrag in Euro, z. B. 12,50 (0 = beitragsfrei).",
             "Monthly dues in euro, e.g. 12,50 (0 = exempt).")
        case .helpFieldKind:
            ("Art: member, guest oder subscriber.",
             "Kind: member, guest or subscriber.")
        case .helpGenerateAbstract:
            ("Erzeugt synthetische Personen als CSV zum Import (nie echte Daten).",
             "Generates synthetic people as CSV for import (never real data).")
        case .helpGenerateDiscussion:
            ("Beispiel: kartei generate --members 8000 --seed 7 --out mitglieder.csv && kartei member import mitglieder.csv\nGleicher Seed, gleiche Personen.",
             "Example: kartei generate --members 8000 --seed 7 --out members.csv && kartei member import members.csv\nSame seed, same people.")
        case .generateWritten:
            ("{count} synthetische Personen (Seed {seed}) nach {file} geschrieben.",
             "{count} synthetic people (seed {seed}) written to {file}.")
        case .helpBenchMembersAbstract:
            ("Misst die Mitgliederdatei: Erzeugen und Import, Abruf, Kreisverbandsliste, Namenssuche, kalter Befehl.",
             "Measures the member file: generate and import, lookup, district list, name search, a cold command.")
        case .helpBenchMembersDiscussion:
            ("Beispiel: kartei bench members --members 1000000",
             "Example: kartei bench members --members 1000000")
        case .coreExportNeedsPurpose:
            ("Eine Ausgabe braucht einen Zweck (--reason) und einen Empfänger (--recipient); beides wird festgehalten.",
             "An export needs a purpose (--reason) and a recipient (--recipient); both are recorded.")
        case .coreExportNeedsApproval:
            ("Diese Ausgabe enthält {count} Personen, mehr als {threshold}: Eine zweite Person mit Tresorschlüssel muss zustimmen (--approver-identity). Nichts wurde ausgegeben.",
             "This export holds {count} people, more than {threshold}: a second person who holds a vault key must approve it (--approver-identity). Nothing was exported.")
        case .coreExportApproverInvalid:
            ("Die Zustimmung zählt nicht: Sie muss von einer anderen Person kommen, die Schatzmeisterin oder Geschäftsstelle ist und einen Tresorschlüssel hält. Nichts wurde ausgegeben.",
             "The approval does not count: it must come from another person who is treasurer or office staff and holds a vault key. Nothing was exported.")
        case .memberExported:
            ("{count} Personen nach {file} ausgegeben (Ausgabe {id}; eine Kontrolladresse ist enthalten, „kartei member trace“ findet sie wieder).",
             "{count} people exported to {file} (export {id}; a canary record is included, \"kartei member trace\" finds it again).")
        case .exportApprovalSet:
            ("Ausgaben mit mehr als {count} Personen brauchen jetzt eine zweite Zustimmung.",
             "Exports of more than {count} people now need a second approval.")
        case .traceFound:
            ("Ausgabe {id} vom {time}: {purpose} „{reason}“ an {recipient}, {count} Personen, erstellt von {actor}.",
             "Export {id} of {time}: {purpose} \"{reason}\" to {recipient}, {count} people, made by {actor}.")
        case .reportTitle:
            ("Auskunft nach Art. 15 DSGVO: {name} ({member})",
             "Access report under GDPR Art. 15: {name} ({member})")
        case .reportData:
            ("Gespeicherte Daten (jede Fassung ab ihrem Datum):",
             "Stored data (each version from its date):")
        case .reportAccesses:
            ("Zugriffe ({count}; Rolle und Gliederung, ohne Namen der Mitarbeitenden):",
             "Accesses ({count}; role and unit, without staff names):")
        case .reportExports:
            ("Ausgaben, die diese Person enthielten ({count}):",
             "Exports that contained this person ({count}):")
        case .cardAssociation:
            ("Landesverband",
             "State association")
        case .cardValidUntil:
            ("gültig bis {date}",
             "valid until {date}")
        case .helpMemberExportAbstract:
            ("Gibt eine zweckgebundene Liste oder Mitgliedsausweise aus.",
             "Exports a purpose-limited list or membership cards.")
        case .helpMemberExportDiscussion:
            ("Beispiel: kartei member export --purpose mailing --reason \"Einladung Kreisparteitag\" --recipient \"KV Leipzig Vorstand\" --district Leipzig --out einladung.csv\nZwecke: mailing, labels (Anschrift), email, phone, contact, cards (HTML, eine A4-Seite je zehn Ausweise; --out muss auf .html enden; gültig bis 31.12. des Jahres, ab 1. Oktober des Folgejahres). --entered-since DATUM: nur Neumitglieder. Jede Liste enthält nur die Felder ihres Zwecks und eine Kontrolladresse; jede Ausgabe steht im Zugriffsprotokoll. Große Ausgaben brauchen eine zweite Person mit Tresorschlüssel (--approver-identity).",
             "Example: kartei member export --purpose mailing --reason \"invitation district convention\" --recipient \"district board Leipzig\" --district Leipzig --out invitation.csv\nPurposes: mailing, labels (postal address), email, phone, contact, cards (HTML, one A4 page per ten cards; --out must end in .html; valid until 31 December of the year, from 1 October on of the next). --entered-since DATE: new members only. Each list holds only its purpose's fields and one canary record; every export is in the audit log. Large exports need a second person who holds a vault key (--approver-identity).")
        case .helpMemberReportAbstract:
            ("Auskunft nach Art. 15 DSGVO: alle Daten einer Person, ihr Verlauf, wer zugegriffen hat.",
             "GDPR Art. 15 access report: all data on one person, its history, who accessed it.")
        case .helpMemberReportDiscussion:
            ("Beispiel: kartei member report 100734 --purpose \"Auskunftsersuchen vom 20.11.2026\"",
             "Example: kartei member report 100734 --purpose \"access request of 2026-11-20\"")
        case .helpMemberTraceAbstract:
            ("Findet die Ausgabe, aus der eine aufgetauchte Liste stammt (über ihre Kontrolladresse).",
             "Finds the export a list that turned up came from (by its canary).")
        case .helpMemberTraceDiscussion:
            ("Beispiel: kartei member trace \"Herta Vogel\"   oder   kartei member trace herta.vogel417@example.org",
             "Example: kartei member trace \"Herta Vogel\"   or   kartei member trace herta.vogel417@example.org")
        case .helpMemberExportApprovalAbstract:
            ("Legt fest, ab wie vielen Personen eine Ausgabe eine zweite Zustimmung braucht (Standard {default}).",
             "Sets how many people an export may hold before it needs a second approval (default {default}).")
        case .helpOptionExportPurpose:
            ("Zweck: mailing, labels, email, phone, contact oder cards.",
             "Purpose: mailing, labels, email, phone, contact or cards.")
        case .helpOptionExportReason:
            ("Wozu, in Worten (wird festgehalten).",
             "What for, in words (recorded).")
        case .helpOptionRecipient:
            ("Wer die Liste bekommt (Gremium, Vorstand, Druckerei).",
             "Who receives the list (a body, a board, a printer).")
        case .helpOptionExportOut:
            ("Neue Datei für die Ausgabe.",
             "A new file for the export.")
        case .helpOptionApproverIdentity:
            ("Identität der zweiten Person, die zustimmt (PKCS#12).",
             "Identity of the second person who approves (PKCS#12).")
        case .helpOptionApproverPassphraseFile:
            ("Datei mit der Passphrase dieser Identität.",
             "File with that identity's passphrase.")
        case .helpArgumentTraceText:
            ("Name, E-Mail-Adresse oder Telefonnummer aus der aufgetauchten Liste.",
             "Name, e-mail address or phone number from the list that turned up.")
        case .helpArgumentPeople:
            ("Anzahl der Personen.",
             "Number of people.")
        case .memberExportedNoCanary:
            ("{count} Personen nach {file} ausgegeben (Ausgabe {id}).",
             "{count} people exported to {file} (export {id}).")
        case .coreErasureNotFormer:
            ("{member} ist kein ehemaliges Mitglied (oder schon gelöscht): Gelöscht werden nur Ausgetretene, Verstorbene, Ausgeschlossene, Übergetretene und abgelehnte Anträge. Nichts wurde gelöscht.",
             "{member} is not a former member (or already erased): only people who resigned, died, were expelled or transferred, and rejected entries, are erased. Nothing was erased.")
        case .coreErasureNeedsApproval:
            ("Die Löschung von {count} Personen braucht eine zweite Person mit Tresorschlüssel (--approver-identity). Prüfen Sie vorher mit --dry-run, wen sie trifft. Nichts wurde gelöscht.",
             "Erasing {count} people needs a second person who holds a vault key (--approver-identity). Check first with --dry-run whom it affects. Nothing was erased.")
        case .erasureDryRun:
            ("Probelauf: {count} Personen würden gelöscht (Austritt bis {cutoff}):",
             "Dry run: {count} people would be erased (exit up to {cutoff}):")
        case .erasureDone:
            ("{count} Personen gelöscht (Austritt bis {cutoff}). Sicherungen von vorher enthalten sie noch: Löschen Sie alte Sicherungen nach Ihrem Sicherungsplan.",
             "{count} people erased (exit up to {cutoff}). Backups made before still contain them: remove old backups according to your backup plan.")
        case .erasureRetentionSet:
            ("Ehemalige Mitglieder werden {years} volle Jahre nach dem Ende ihres Austrittsjahres gelöscht.",
             "Former members are erased {years} full years after the end of their exit year.")
        case .helpMemberEraseAbstract:
            ("Löscht ehemalige Mitglieder nach Ablauf der Aufbewahrungsfrist (Art. 17 DSGVO).",
             "Erases former members after the retention period (GDPR Art. 17).")
        case .helpMemberEraseDiscussion:
            ("Beispiel: kartei member erase --dry-run   dann   kartei member erase --approver-identity stellvertretung.p12\nGelöscht werden Namen, Anschrift, Kontakt, Geburtstag und Gründe in jeder Fassung; Mitgliedsnummer, Daten, Status, Kreisverband, Beitrag, Geschlecht und Geburtsjahr bleiben für Statistik und Buchführung. Mit --member nur diese ehemaligen Mitglieder.",
             "Example: kartei member erase --dry-run   then   kartei member erase --approver-identity deputy.p12\nNames, address, contact, birthday and reasons are blanked in every version; member number, dates, status, district, dues, gender and birth year stay for statistics and accounts. With --member only these former members.")
        case .helpMemberErasureRetentionAbstract:
            ("Legt fest, wie viele volle Jahre nach dem Austrittsjahr ehemalige Mitglieder gelöscht werden (Standard {default}).",
             "Sets how many full years after the exit year former members are erased (default {default}).")
        case .helpOptionEraseMember:
            ("Nur dieses ehemalige Mitglied (mehrfach möglich).",
             "Only this former member (repeatable).")
        case .fieldErased:
            ("Gelöscht am",
             "Erased on")
        case .duplicatePerson:
            ("Vermutlich dieselbe Person:",
             "Probably the same person:")
        case .duplicateAddress:
            ("Gleiche Anschrift (ein Brief genügt):",
             "Same address (one letter is enough):")
        case .helpMemberDuplicatesAbstract:
            ("Findet vermutlich doppelt erfasste Personen und gemeinsame Anschriften, vor einem Versand.",
             "Finds people who are probably on file twice, and shared addresses, before a mailing.")
        case .helpMemberDuplicatesDiscussion:
            ("Beispiel: kartei member duplicates --district Leipzig\nGleiche Person: Namen gleich oder gleich klingend (Kölner Phonetik) und gleiches Geburtsdatum (oder gleiche Anschrift). Anschriften werden normalisiert (Str./Straße, 12 a/12a).",
             "Example: kartei member duplicates --district Leipzig\nSame person: names equal or sounding alike (Kölner Phonetik) and the same birth date (or address). Addresses are normalised (Str./Straße, 12 a/12a).")
        case .coreDuesTableMissing:
            ("Es gibt noch keine Beitragstabelle, daher keine Beitragsrechnung: kartei zählt Beiträge ab dem ersten Monat der ersten Tabelle. Legen Sie sie mit „kartei dues table set DATEI --valid-from TT.MM.JJJJ“ an (docs/FINANCE.md).",
             "There is no dues table yet, so no dues are accounted: kartei counts dues from the first month of the first table. Set one with \"kartei dues table set FILE --valid-from YYYY-MM-DD\" (docs/FINANCE.md).")
        case .corePaymentFileImported:
            ("{file} wurde schon am {date} importiert (als {earlier}); dieselbe Datei wird nicht zweimal gebucht. Nichts wurde importiert. Exportieren Sie nur die neuen Umsätze.",
             "{file} was already imported on {date} (as {earlier}); the same file is not booked twice. Nothing was imported. Export only the new transactions.")
        case .corePaymentFileEmpty:
            ("{file} enthält keine Zahlungen (nur eine Kopfzeile); nichts wurde importiert.",
             "{file} contains no payments (only a header line); nothing was imported.")
        case .problemDuesTableEmpty:
            ("die Beitragstabelle hat keine Stufe",
             "the dues table has no bracket")
        case .problemDuesLabelTwice:
            ("die Bezeichnung steht schon in Zeile {other}",
             "the label already appears in line {other}")
        case .problemDuesBandReversed:
            ("„bis“ liegt unter „von“",
             "\"to\" lies below \"from\"")
        case .problemDuesBandOverlap:
            ("überschneidet sich mit der Stufe in Zeile {other} (eine Stufe beginnt einen Cent nach dem Ende der vorigen)",
             "overlaps the bracket in line {other} (a bracket starts one cent after the previous one ends)")
        case .problemDuesBandGap:
            ("lässt nach der Stufe in Zeile {other} eine Lücke; die nächste Stufe müsste bei {from} beginnen",
             "leaves a gap after the bracket in line {other}; the next bracket should start at {from}")
        case .problemPaymentNotPositive:
            ("kein Zahlungseingang (Betrag 0 oder negativ); importiert werden nur eingegangene Beiträge. Entfernen Sie Ausgänge und Rücklastschriften aus der Datei",
             "not an incoming payment (amount 0 or negative); only dues received are imported. Remove outgoing payments and returned debits from the file")
        case .problemCurrency:
            ("Währung „{value}“; nur Euro wird gebucht",
             "currency \"{value}\"; only euro is booked")
        case .problemPaymentNoMember:
            ("im Verwendungszweck steht keine Mitgliedsnummer, die es in diesem Tresor gibt; ergänzen oder berichtigen Sie sie in der Zeile oder entfernen Sie die Zeile und klären Sie die Zahlung gesondert",
             "the Verwendungszweck holds no member number that exists in this vault; add or correct it in the line, or remove the line and clarify the payment separately")
        case .problemPaymentAmbiguous:
            ("mehrere Mitgliedsnummern im Verwendungszweck ({numbers}); lassen Sie nur eine stehen oder teilen Sie die Zahlung auf",
             "several member numbers in the Verwendungszweck ({numbers}); keep only one or split the payment")
        case .problemPaymentBooked:
            ("diese Zahlung (Mitglied, Tag, Betrag, Verwendungszweck) ist schon gebucht (aus {file}, Zeile {line}); überschneiden sich die Exporte, entfernen Sie die Zeile",
             "this payment (member, day, amount, Verwendungszweck) is already booked (from {file}, line {line}); if the exports overlap, remove the line")
        case .helpDuesAbstract:
            ("Beiträge: Beitragstabelle, Rückstände, Zahlungseingänge von der Bank.",
             "Dues: the dues table, arrears, payments from the bank.")
        case .helpDuesDiscussion:
            ("Ein Mitglied schuldet für jeden Monat den Monatsbeitrag, der am 1. des Monats in seinem Datensatz steht, wenn es an dem Tag aktives Mitglied ist; gezählt wird ab dem ersten Monat der ersten Beitragstabelle. Zahlungen tilgen den ältesten offenen Monat zuerst. docs/FINANCE.md beschreibt die Regeln.",
             "A member owes, for every month, the monthly dues in their record on the 1st of the month if they are an active member that day; counting starts with the first month of the first dues table. Payments settle the oldest open month first. docs/FINANCE.md describes the rules.")
        case .helpDuesTableAbstract:
            ("Die Beitragstabelle: Einkommensstufen und Monatsbeiträge.",
             "The dues table: income brackets and monthly dues.")
        case .helpDuesTableSetAbstract:
            ("Legt die Beitragstabelle fest, die ab einem Tag gilt.",
             "Sets the dues table that holds from a day on.")
        case .helpDuesTableSetDiscussion:
            ("Beispiel: kartei dues table set beitragstabelle.csv --valid-from 01.01.2026\nCSV mit Kopfzeile Bezeichnung;Einkommen von;Einkommen bis;Beitrag (oder label;incomeFrom;incomeTo;dues), Beträge 1.000,00. Jede Stufe beginnt einen Cent nach dem Ende der vorigen; leeres „bis“ = ohne Obergrenze; Beitrag 0 = beitragsbefreit.",
             "Example: kartei dues table set dues-table.csv --valid-from 2026-01-01\nCSV with the header label;incomeFrom;incomeTo;dues (or Bezeichnung;Einkommen von;Einkommen bis;Beitrag), amounts 1.000,00. Each bracket starts one cent after the previous one ends; an empty \"to\" = no upper bound; dues 0 = exempt.")
        case .helpDuesTableListAbstract:
            ("Zeigt die Beitragstabelle, die an einem Tag gilt.",
             "Shows the dues table that holds on a day.")
        case .helpDuesTableListDiscussion:
            ("Beispiel: kartei dues table list --as-of 01.07.2026 · kartei dues table list --all --format csv",
             "Example: kartei dues table list --as-of 2026-07-01 · kartei dues table list --all --format csv")
        case .helpOptionAllTables:
            ("Alle Beitragstabellen, auch frühere.",
             "Every dues table, earlier ones too.")
        case .duesTableSaved:
            ("Beitragstabelle ab {date} gespeichert ({count} Stufen).",
             "Dues table from {date} saved ({count} brackets).")
        case .duesNoTable:
            ("Keine Beitragstabelle für diesen Tag.",
             "No dues table for this day.")
        case .duesTableHeading:
            ("Beitragstabelle ab {date}:",
             "Dues table from {date}:")
        case .duesExempt:
            ("beitragsbefreit",
             "dues-exempt")
        case .duesArrearsSince:
            ("offen seit {month} ({months} Monate)",
             "open since {month} ({months} months)")
        case .helpDuesArrearsAbstract:
            ("Zeigt Beitragsrückstände je Mitglied und je Kreisverband, mit dem Alter der Schuld.",
             "Shows dues arrears per member and per district, with the age of the debt.")
        case .helpDuesArrearsDiscussion:
            ("Beispiel: kartei dues arrears --district Leipzig --as-of 31.12.2026 --format csv\nText und JSON enthalten die Summen je Kreisverband (Mitglieder im Rückstand, Betrag, Alter 0–2, 3–5, 6–11, ab 12 Monate); CSV nur die Mitglieder. Kreisverbände sehen nur ihren eigenen.",
             "Example: kartei dues arrears --district Leipzig --as-of 2026-12-31 --format csv\nText and JSON include the totals per district (members in arrears, amount, age 0–2, 3–5, 6–11, 12+ months); CSV only the members. District officers see their own district only.")
        case .helpOptionFinanceDistrict:
            ("Nur dieser Kreisverband (Standard: alle, die Sie sehen dürfen).",
             "Only this district (default: every district you may see).")
        case .duesArrearsHeading:
            ("Beitragsrückstände am {date} (gezählt ab {start}):",
             "Dues arrears on {date} (counted from {start}):")
        case .duesDistrictSummary:
            ("{district}: {inArrears} von {members} Mitgliedern im Rückstand, zusammen {arrears}; älteste Schuld {oldest} Monate (0–2: {a}, 3–5: {b}, 6–11: {c}, ab 12: {d})",
             "{district}: {inArrears} of {members} members in arrears, together {arrears}; oldest debt {oldest} months (0–2: {a}, 3–5: {b}, 6–11: {c}, 12+: {d})")
        case .duesAllDistricts:
            ("Alle Kreisverbände",
             "All districts")
        case .helpDuesAccountAbstract:
            ("Zeigt das Beitragskonto eines Mitglieds: jeden berechneten Monat und jede Zahlung.",
             "Shows one member's dues account: every month charged and every payment.")
        case .helpDuesAccountDiscussion:
            ("Beispiel: kartei dues account 100734 --as-of 30.06.2026",
             "Example: kartei dues account 100734 --as-of 2026-06-30")
        case .duesAccountSummary:
            ("{member}: geschuldet {owed}, gezahlt {paid}, Saldo {balance} (gezählt ab {start})",
             "{member}: owed {owed}, paid {paid}, balance {balance} (counted from {start})")
        case .helpDuesImportAbstract:
            ("Bucht Beitragszahlungen aus dem CSV-Export der Bank: alles oder nichts.",
             "Books dues payments from the bank's CSV export: all or nothing.")
        case .helpDuesImportDiscussion:
            ("Beispiel: kartei dues import-payments umsaetze-2026-06.csv\nSpalten Buchungstag, Betrag, Verwendungszweck (weitere Spalten und Zeilen vor der Kopfzeile werden übergangen); Datum TT.MM.JJJJ, Beträge 1.234,56. Jede Zeile braucht einen positiven Betrag und genau eine Mitgliedsnummer im Verwendungszweck (z. B. „Mitgliedsbeitrag 100734 2026“). Jeder Fehler wird mit Zeile und Spalte genannt; dieselbe Datei wird nur einmal gebucht.",
             "Example: kartei dues import-payments transactions-2026-06.csv\nColumns Buchungstag, Betrag, Verwendungszweck (other columns, and lines before the header, are skipped); dates DD.MM.YYYY, amounts 1.234,56. Every line needs a positive amount and exactly one member number in the Verwendungszweck (e.g. \"Mitgliedsbeitrag 100734 2026\"). Every problem is named with line and column; the same file is booked only once.")
        case .duesPaymentsImported:
            ("{count} Zahlungen über {total} für {members} Mitglieder aus {file} gebucht.",
             "{count} payments of {total} for {members} members booked from {file}.")
        case .helpDonationAbstract:
            ("Zuwendungen (Spenden): erfassen, auflisten, stornieren, berichtigen, Daten für Zuwendungsbestätigungen.",
             "Donations: record, list, cancel, correct, data for donation receipts.")
        case .helpDonationDiscussion:
            ("Die Einträge sind Buchungsbelege und bleiben zehn Jahre nach Ablauf ihres Jahres erhalten (§ 24 Abs. 2 PartG), mit Name und Anschrift des Spenders, auch wenn die Person aus der Mitgliederdatei gelöscht wird. docs/FINANCE.md nennt die Grenzen des § 25 PartG.",
             "The entries are accounting records and are kept ten years after the end of their year (§ 24(2) PartG), with the donor's name and address, also when the person is erased from the member file. docs/FINANCE.md lists the limits of § 25 PartG.")
        case .donationFlagImmediateReport:
            ("Hinweis: Eine Einzelspende über 35.000 € ist dem Präsidenten des Deutschen Bundestages unverzüglich anzuzeigen (§ 25 Abs. 3 Satz 2 PartG).",
             "Note: a single donation above 35.000 € must be reported to the President of the Bundestag at once (§ 25(3) sentence 2 PartG).")
        case .donationFlagAnonymous:
            ("Achtung: Anonyme Spenden über 500 € dürfen nicht angenommen werden; leiten Sie den Betrag an den Präsidenten des Deutschen Bundestages weiter (§ 25 Abs. 2 Nr. 6, Abs. 4 PartG).",
             "Warning: anonymous donations above 500 € must not be accepted; pass the amount on to the President of the Bundestag (§ 25(2) no. 6, (4) PartG).")
        case .donationFlagCash:
            ("Achtung: Bargeldspenden sind nur bis 1.000 € zulässig (§ 25 Abs. 1 Satz 2 PartG); klären Sie die Spende mit der Schatzmeisterei.",
             "Warning: cash donations are allowed only up to 1.000 € (§ 25(1) sentence 2 PartG); clarify the donation with the treasury.")
        case .helpDonationAddAbstract:
            ("Erfasst eine Zuwendung im Spendenbuch.",
             "Records a donation in the ledger.")
        case .helpDonationAddDiscussion:
            ("Beispiele: kartei donation add --member 100734 --amount 250,00 --date 15.03.2026\nkartei donation add --name \"Erika Beispiel\" --street \"Hauptstraße 1\" --postal-code 04109 --city Leipzig --amount 1.200,00\nkartei donation add --anonymous --amount 20 --cash\nBei Mitgliedern werden Name und aktuelle Anschrift aus der Mitgliederdatei übernommen.",
             "Examples: kartei donation add --member 100734 --amount 250,00 --date 2026-03-15\nkartei donation add --name \"Erika Beispiel\" --street \"Hauptstraße 1\" --postal-code 04109 --city Leipzig --amount 1.200,00\nkartei donation add --anonymous --amount 20 --cash\nFor members, name and current address are copied from the member file.")
        case .helpOptionAmount:
            ("Betrag in Euro (z. B. 1.200,00).",
             "Amount in euro (e.g. 1.200,00).")
        case .helpOptionDonationDate:
            ("Tag des Eingangs (Standard: heute).",
             "Day received (default: today).")
        case .helpOptionDonorMember:
            ("Der Spender ist dieses Mitglied (Mitgliedsnummer).",
             "The donor is this member (member number).")
        case .helpOptionDonorName:
            ("Name des Spenders, wenn er nicht in der Mitgliederdatei steht.",
             "The donor's name, when they are not in the member file.")
        case .helpOptionAnonymous:
            ("Anonyme Spende (keine Zuwendungsbestätigung).",
             "Anonymous donation (no receipt).")
        case .helpOptionDonationKind:
            ("Art: money (Geld), inKind (Sachzuwendung), waiver (Verzicht auf Aufwandserstattung).",
             "Kind: money, inKind (benefit in kind), waiver (waived reimbursement of expenses).")
        case .helpOptionCash:
            ("Bar eingezahlt.",
             "Paid in cash.")
        case .donationDonorChoice:
            ("Geben Sie genau eins an: --member NUMMER, --name NAME (mit Anschrift) oder --anonymous.",
             "Give exactly one of: --member NUMBER, --name NAME (with address) or --anonymous.")
        case .donationSaved:
            ("Zuwendung #{id} über {amount} vom {date} erfasst.",
             "Donation #{id} of {amount} of {date} recorded.")
        case .helpDonationListAbstract:
            ("Listet die Zuwendungen eines Jahres auf.",
             "Lists the donations of a year.")
        case .helpOptionYear:
            ("Das Kalenderjahr (z. B. 2026).",
             "The calendar year (e.g. 2026).")
        case .donationAnonymous:
            ("anonym",
             "anonymous")
        case .helpDonationReceiptsAbstract:
            ("Daten für die Zuwendungsbestätigungen eines Jahres, je Spender.",
             "Data for a year's donation receipts, per donor.")
        case .helpDonationReceiptsDiscussion:
            ("Beispiel: kartei donation receipts --year 2026 --format csv > bestaetigungen.csv\nJe Spender die Summe und jede Zuwendung mit Datum (mehrere: Sammelbestätigung). Markiert sind Spender über 10.000 € im Jahr (Rechenschaftsbericht, § 25 Abs. 3 Satz 1 PartG) und Einzelspenden über 35.000 € (sofort anzuzeigen, Satz 2). Anonyme Spenden erhalten keine Bestätigung.",
             "Example: kartei donation receipts --year 2026 --format csv > receipts.csv\nPer donor the total and each donation with its date (several: a collective receipt). Marked are donors above 10.000 € in the year (Rechenschaftsbericht, § 25(3) sentence 1 PartG) and single donations above 35.000 € (to be reported at once, sentence 2). Anonymous donations get no receipt.")
        case .donationListedInReport:
            ("über 10.000 €: im Rechenschaftsbericht",
             "above 10.000 €: in the Rechenschaftsbericht")
        case .donationImmediateReport:
            ("Einzelspende über 35.000 €: sofort anzeigen",
             "single donation above 35.000 €: report at once")
        case .donationReceiptsTotal:
            ("{year}: zusammen {total}, von {donors} Spendern und {anonymous} anonym.",
             "{year}: {total} in all, from {donors} donors and {anonymous} anonymous.")
        // MARK: Amounts and donation corrections
        case .problemAmountEmpty:
            ("kein Betrag angegeben; schreiben Sie ihn in Euro, z. B. 150 oder 150,00",
             "no amount given; write it in euro, e.g. 150 or 150,00")
        case .problemAmountSign:
            ("ein Vorzeichen (+ oder -) ist hier nicht erlaubt; schreiben Sie den Betrag ohne Vorzeichen, z. B. 150,00",
             "a sign (+ or -) is not allowed here; write the amount without a sign, e.g. 150,00")
        case .problemAmountSeparator:
            ("ein Komma oder Punkt steht am Anfang, am Ende oder doppelt; schreiben Sie z. B. 0,50 statt ,50 und 12 oder 12,00 statt 12,",
             "a comma or point stands at the start, at the end or twice in a row; write e.g. 0,50 instead of ,50 and 12 or 12,00 instead of 12,")
        case .problemAmountAmbiguous:
            ("mehrdeutig: ein einzelner Punkt oder ein einzelnes Komma vor genau drei Ziffern kann Tausender oder Nachkommastellen trennen (1.500 – 1500 € oder 1,50 €?). Schreiben Sie 1500 oder 1.500,00 für tausendfünfhundert Euro, 1,50 für eineinhalb Euro",
             "ambiguous: a single point or comma before exactly three digits may separate thousands or decimals (1.500: 1500 € or 1,50 €?). Write 1500 or 1.500,00 for fifteen hundred euros, 1,50 for one and a half euros")
        case .problemAmountDecimals:
            ("mehr als zwei Nachkommastellen; Beträge haben höchstens Cent, z. B. 12,50",
             "more than two decimal places; amounts go down to cents at most, e.g. 12,50")
        case .problemAmountGrouping:
            ("die Tausendertrennzeichen trennen keine Dreiergruppen; schreiben Sie z. B. 1.500.000, 1.500,00 oder ohne Trennzeichen 1500,00",
             "the thousands separators do not separate groups of three digits; write e.g. 1.500.000, 1.500,00 or without separators 1500,00")
        case .problemAmountMixed:
            ("Punkt und Komma durcheinander; nehmen Sie ein Zeichen für die Tausender und das andere genau einmal vor den Cent, z. B. 1.500,00",
             "points and commas mixed up; use one character for the thousands and the other exactly once before the cents, e.g. 1.500,00")
        case .problemAmountTooLarge:
            ("größer als der Höchstbetrag von {maximum}; prüfen Sie die Eingabe auf Tippfehler",
             "larger than the maximum of {maximum}; check the input for typing errors")
        case .problemAmountNotPositive:
            ("muss größer als 0,00 € sein; eine Zuwendung, die es nicht gibt, stornieren Sie mit „kartei donation cancel“",
             "must be more than 0,00 €; cancel a donation that did not happen with \"kartei donation cancel\"")
        case .coreDonationNotFound:
            ("Eine Zuwendung #{id} gibt es nicht. „kartei donation list --year JAHR“ zeigt die Nummern.",
             "There is no donation #{id}. \"kartei donation list --year YEAR\" shows the numbers.")
        case .coreDonationCancelled:
            ("Die Zuwendung #{id} wurde schon am {date} storniert; nichts wurde geändert.",
             "Donation #{id} was already cancelled on {date}; nothing was changed.")
        case .coreDonationCorrected:
            ("Die Zuwendung #{id} wurde schon am {date} berichtigt, der gültige Eintrag ist #{replacement}; berichtigen oder stornieren Sie #{replacement}. Nichts wurde geändert.",
             "Donation #{id} was already corrected on {date}; the valid entry is #{replacement}: correct or cancel #{replacement}. Nothing was changed.")
        case .coreDonationReasonMissing:
            ("Eine Stornierung oder Berichtigung braucht einen Grund (--reason), er bleibt im Spendenbuch stehen.",
             "A cancellation or correction needs a reason (--reason); it stays in the ledger.")
        case .coreDonationUnchanged:
            ("Die Berichtigung ändert an der Zuwendung #{id} nichts; nichts wurde gespeichert.",
             "The correction changes nothing in donation #{id}; nothing was saved.")
        case .helpDonationCancelAbstract:
            ("Storniert eine Zuwendung (der Eintrag bleibt, als storniert vermerkt).",
             "Cancels a donation (the entry stays, marked as cancelled).")
        case .helpDonationCancelDiscussion:
            ("Beispiel: kartei donation cancel 17 --reason \"Rücklastschrift\"\nDer Eintrag wird nicht gelöscht oder geändert: die Stornierung wird mit Zeit, Zertifikat und Grund dazu geschrieben. Zuwendungsbestätigungen berücksichtigen ihn danach nicht mehr; frühere Stände zeigt „donation receipts --as-recorded“.",
             "Example: kartei donation cancel 17 --reason \"returned debit\"\nThe entry is neither deleted nor changed: the cancellation is added with time, certificate and reason. Receipts leave the entry out from then on; earlier states are shown by \"donation receipts --as-recorded\".")
        case .helpDonationCorrectAbstract:
            ("Berichtigt eine Zuwendung: storniert sie und erfasst einen neuen Eintrag, der auf sie verweist.",
             "Corrects a donation: cancels it and records a new entry that refers to it.")
        case .helpDonationCorrectDiscussion:
            ("Beispiel: kartei donation correct 17 --amount 150,00 --reason \"Tippfehler\"\nNicht angegebene Angaben werden übernommen, auch Spender und Anschrift. Einen falschen Spender berichtigen Sie mit „donation cancel“ und „donation add“.",
             "Example: kartei donation correct 17 --amount 150,00 --reason \"typing error\"\nWhat is not given is copied, donor and address too. A wrong donor is corrected with \"donation cancel\" and \"donation add\".")
        case .helpArgumentDonationID:
            ("Die Nummer der Zuwendung (#, aus „donation list“).",
             "The donation's number (#, from \"donation list\").")
        case .helpOptionCorrectionReason:
            ("Warum (bleibt im Spendenbuch stehen).",
             "Why (stays in the ledger).")
        case .helpOptionCorrectAmount:
            ("Der richtige Betrag in Euro (Standard: unverändert).",
             "The right amount in euro (default: unchanged).")
        case .helpOptionCorrectDate:
            ("Der richtige Tag des Eingangs (Standard: unverändert).",
             "The right day received (default: unchanged).")
        case .helpOptionCorrectKind:
            ("Die richtige Art: money, inKind, waiver (Standard: unverändert).",
             "The right kind: money, inKind, waiver (default: unchanged).")
        case .helpOptionCorrectCash:
            ("Bar eingezahlt oder nicht (Standard: unverändert).",
             "Paid in cash or not (default: unchanged).")
        case .helpOptionAsRecorded:
            ("Der Stand, wie er an einem Tag (bis zu seinem Ende) oder zu einem Zeitpunkt (wie in der Ausgabe unter „Stand“) erfasst war: spätere Einträge, Stornierungen und Berichtigungen zählen nicht.",
             "The state as recorded on a day (up to its end) or at an instant (as printed under \"as recorded\"): later entries, cancellations and corrections do not count.")
        case .donationNothingToCorrect:
            ("Geben Sie an, was berichtigt wird: --amount, --date, --kind oder --cash/--no-cash.",
             "Say what to correct: --amount, --date, --kind or --cash/--no-cash.")
        case .donationCancelled:
            ("Zuwendung #{id} storniert.",
             "Donation #{id} cancelled.")
        case .donationCorrected:
            ("Zuwendung #{id} berichtigt: neuer Eintrag #{replacement} über {amount} vom {date}.",
             "Donation #{id} corrected: new entry #{replacement} of {amount} of {date}.")
        case .donationStateCancelled:
            ("storniert am {date}",
             "cancelled on {date}")
        case .donationStateCorrected:
            ("berichtigt am {date} durch #{replacement}",
             "corrected on {date} by #{replacement}")
        case .donationStateCorrects:
            ("berichtigt #{original}",
             "corrects #{original}")
        case .donationReceiptsAsRecorded:
            ("Stand: erfasst bis {time}; dieselben Daten wieder mit --as-recorded {time}",
             "As recorded up to {time}; the same data again with --as-recorded {time}")
        case .coreUnitExists:
            ("„{name}“ gibt es an diesem Tag schon.",
             "\"{name}\" already exists on that day.")
        case .coreUnitNotFound:
            ("Die Gliederung „{name}“ gibt es an diesem Tag nicht. „kartei org branch list“ zeigt alle.",
             "There is no unit \"{name}\" on that day. \"kartei org branch list\" shows them all.")
        case .coreUnitDateInvalid:
            ("„{name}“ kann nicht an oder vor ihrem Gründungstag enden.",
             "\"{name}\" cannot end on or before the day it was founded.")
        case .coreBodyNotFound:
            ("Das Gremium {id} gibt es nicht. „kartei org body list“ zeigt alle.",
             "There is no body {id}. \"kartei org body list\" shows them all.")
        case .coreOfficeNeedsMember:
            ("{member} war am {date} kein aktives Mitglied; Parteiämter haben nur Mitglieder.",
             "{member} was not an active member on {date}; only members hold party offices.")
        case .coreTermNotFound:
            ("Amt oder Mandat {id} gibt es nicht oder es endet schon (oder das Ende läge vor dem Beginn).",
             "There is no office or mandate {id}, it has already ended, or the end would lie before its start.")
        case .problemBranch:
            ("unbekannter Ortsverband „{branch}“ in {district} („kartei org branch list“)",
             "unknown branch \"{branch}\" in {district} (\"kartei org branch list\")")
        case .helpOrgBranchAbstract:
            ("Ortsverbände: anlegen, auflisten, umbenennen, zusammenlegen (mit Datum).",
             "Local branches: add, list, rename, merge (dated).")
        case .helpOrgBranchDiscussion:
            ("Beispiel: kartei org branch add \"Leipzig-Süd\" --district Leipzig --from 01.01.2027\nkartei org branch merge \"Leipzig-Süd\" --into \"Leipzig-Mitte\" --district Leipzig --date 01.07.2027 --reason \"Beschluss KV-Parteitag\"",
             "Example: kartei org branch add \"Leipzig-Süd\" --district Leipzig --from 2027-01-01\nkartei org branch merge \"Leipzig-Süd\" --into \"Leipzig-Mitte\" --district Leipzig --date 2027-07-01 --reason \"district convention decision\"")
        case .helpOrgCaucusAbstract:
            ("Landesweite Arbeitsgemeinschaften: anlegen, auflisten.",
             "Statewide caucuses: add, list.")
        case .helpOrgBodyAbstract:
            ("Gremien (Vorstände, Kommissionen, Rat, Parteitage): anlegen, auflisten, Amtsinhaber.",
             "Bodies (boards, commissions, council, conventions): add, list, office holders.")
        case .helpOfficeAbstract:
            ("Parteiämter in Gremien: eintragen, beenden, auflisten.",
             "Party offices in bodies: record, end, list.")
        case .helpOfficeDiscussion:
            ("Beispiel: kartei office add 100734 --body 3 --title Kreisvorsitzende --from 15.03.2025\nAmtsinhaber kommen später aus erfassten Wahlprotokollen; bis dahin von Hand.",
             "Example: kartei office add 100734 --body 3 --title \"district chair\" --from 2025-03-15\nOffice holders will come from recorded election protocols; until then by hand.")
        case .helpMandateAbstract:
            ("Mandate (Gemeinderat bis Europaparlament): eintragen, beenden, auflisten.",
             "Mandates (municipal council to European Parliament): record, end, list.")
        case .helpMandateDiscussion:
            ("Beispiel: kartei mandate add 100734 --level municipal --name \"Stadtrat Leipzig\" --from 01.07.2024\nEbenen: municipal, county, state, federal, european.",
             "Example: kartei mandate add 100734 --level municipal --name \"Stadtrat Leipzig\" --from 2024-07-01\nLevels: municipal, county, state, federal, european.")
        case .helpOptionFrom:
            ("Ab diesem Tag (Standard: heute).",
             "From this day (default: today).")
        case .helpOptionUnitName:
            ("Name der Gliederung oder des Gremiums.",
             "Name of the unit or body.")
        case .helpOptionInto:
            ("Der Ortsverband, der übernimmt.",
             "The branch that takes over.")
        case .helpOptionNewName:
            ("Der neue Name.",
             "The new name.")
        case .helpOptionBodyKind:
            ("Art: board, commission, council, convention, other.",
             "Kind: board, commission, council, convention, other.")
        case .helpOptionBody:
            ("Nummer des Gremiums (kartei org body list).",
             "Number of the body (kartei org body list).")
        case .helpOptionTitle:
            ("Bezeichnung des Amtes.",
             "Title of the office.")
        case .helpOptionLevel:
            ("Ebene: municipal, county, state, federal, european.",
             "Level: municipal, county, state, federal, european.")
        case .helpOptionMandateName:
            ("Das Gremium des Mandats, z. B. „Stadtrat Leipzig“.",
             "The body of the mandate, e.g. \"Stadtrat Leipzig\".")
        case .helpArgumentTermID:
            ("Nummer des Amtes oder Mandats.",
             "Number of the office or mandate.")
        case .orgUnitAdded:
            ("{name} angelegt (Nummer {id}, ab {date}).",
             "{name} added (number {id}, from {date}).")
        case .orgBranchRestructured:
            ("Ab {date} gilt {name}; {count} Mitglieder wurden umgesetzt.",
             "From {date} on it is {name}; {count} members were moved.")
        case .officeAdded:
            ("Amt {id} eingetragen: {member} {title} in {body} ab {date}.",
             "Office {id} recorded: {member} {title} in {body} from {date}.")
        case .mandateAdded:
            ("Mandat {id} eingetragen: {member} {name} ab {date}.",
             "Mandate {id} recorded: {member} {name} from {date}.")
        case .termEnded:
            ("Beendet zum {date}.",
             "Ended as of {date}.")
        case .fieldOffices:
            ("Ämter",
             "Offices")
        case .fieldMandates:
            ("Mandate",
             "Mandates")
        case .letterPlaceDate:
            ("{date}",
             "{date}")
        case .letterEntry:
            ("Liebe/r {name},\n\nwir freuen uns, Sie als Mitglied begrüßen zu dürfen. Ihre Mitgliedschaft beginnt am {entry}; Ihre Mitgliedsnummer ist {number}, Ihr Kreisverband {district}.\n\nMit freundlichen Grüßen\n{association}",
             "Dear {name},\n\nwe are glad to welcome you as a member. Your membership begins on {entry}; your member number is {number}, your district {district}.\n\nKind regards\n{association}")
        case .letterResignation:
            ("Liebe/r {name},\n\nwir bestätigen Ihren Austritt zum {exit} (Mitgliedsnummer {number}). Ihre Daten werden nach Ablauf der Aufbewahrungsfrist gelöscht; Angaben zu Beiträgen und Spenden bewahren wir so lange auf, wie das Gesetz es verlangt.\n\nMit freundlichen Grüßen\n{association}",
             "Dear {name},\n\nwe confirm your resignation as of {exit} (member number {number}). Your data will be erased after the retention period; records of dues and donations are kept as long as the law requires.\n\nKind regards\n{association}")
        case .letterDeath:
            ("An die Angehörigen von {name},\n\nmit Anteilnahme haben wir vom Tod von {name} am {exit} erfahren. Wir haben die Mitgliedschaft (Mitgliedsnummer {number}) zu diesem Tag beendet; es werden keine Beiträge mehr erhoben.\n\nIn stillem Gedenken\n{association}",
             "To the family of {name},\n\nwe learned with sympathy of the death of {name} on {exit}. We have ended the membership (member number {number}) as of that day; no further dues will be collected.\n\nIn quiet remembrance\n{association}")
        case .helpMemberLetterAbstract:
            ("Schreibt ein Bestätigungsschreiben (Eintritt, Austritt, Tod) als Text.",
             "Writes a confirmation letter (entry, resignation, death) as text.")
        case .helpMemberLetterDiscussion:
            ("Beispiel: kartei member letter 100734 resignation --out austritt-100734.txt",
             "Example: kartei member letter 100734 resignation --out resignation-100734.txt")
        case .helpArgumentLetterKind:
            ("Art: entry, resignation, death.",
             "Kind: entry, resignation, death.")
        case .helpOptionLetterOut:
            ("Neue Datei (sonst Standardausgabe).",
             "A new file (else standard output).")
        case .coreTransferNotAPackage:
            ("{file} ist kein Übertrittspaket von kartei (kartei-transfer-v1: CMS AuthEnvelopedData mit signiertem Inhalt). Nichts wurde gespeichert.",
             "{file} is not a kartei transfer package (kartei-transfer-v1: CMS AuthEnvelopedData around signed content). Nothing was saved.")
        case .coreTransferTampered:
            ("{file} wurde verändert oder beschädigt: {what} stimmt nicht. Nichts wurde gespeichert; bitten Sie den abgebenden Landesverband um ein neues Paket.",
             "{file} was changed or damaged: {what} does not verify. Nothing was saved; ask the sending state association for a new package.")
        case .coreTransferSenderUnknown:
            ("{file} kommt von einer Zertifizierungsstelle, die hier nicht als Partner eingetragen ist (Fingerabdruck {fingerprint}). Tragen Sie den Landesverband erst ein (kartei transfer partner add), nachdem Sie den Fingerabdruck mit ihm auf einem zweiten Weg verglichen haben. Nichts wurde gespeichert.",
             "{file} comes from a certificate authority that is not registered here as a partner (fingerprint {fingerprint}). Register the state association first (kartei transfer partner add), after comparing the fingerprint with them over a second channel. Nothing was saved.")
        case .coreTransferWrongVault:
            ("{file} ist an einen anderen Tresor gerichtet, nicht an diesen. Nichts wurde gespeichert.",
             "{file} is addressed to another vault, not to this one. Nothing was saved.")
        case .coreTransferReplay:
            ("Das Paket {id} wurde hier schon am {date} eingelesen (Mitglied {member}); ein Paket gilt nur einmal. Nichts wurde gespeichert.",
             "Package {id} was already read in here on {date} (member {member}); a package counts only once. Nothing was saved.")
        case .coreTransferPartnerExpired:
            ("Das CA-Zertifikat des Partners {name} ist nicht gültig (gültig von {from} bis {until}). Lassen Sie sich das aktuelle Zertifikat geben und tragen Sie es neu ein. Nichts wurde gespeichert.",
             "The CA certificate of partner {name} is not valid (valid from {from} until {until}). Obtain the current certificate and register it again. Nothing was saved.")
        case .coreTransferSignerInvalid:
            ("Das Paket {file} ist signiert mit einem Zertifikat, das hier nicht genügt: {why}. Nichts wurde gespeichert.",
             "Package {file} is signed with a certificate that does not suffice here: {why}. Nothing was saved.")
        case .coreTransferSignerMismatch:
            ("Ein Übertrittspaket wird mit der eigenen Identität signiert, mit der Sie angemeldet sind; die angegebene ist eine andere. Nichts wurde gespeichert.",
             "A transfer package is signed with the identity you are signed in with; the one given is another. Nothing was saved.")
        case .coreTransferPartnerNotFound:
            ("Es gibt keinen Partner „{name}“ (kartei transfer partner list). Nichts wurde gespeichert.",
             "There is no partner \"{name}\" (kartei transfer partner list). Nothing was saved.")
        case .coreTransferPartnerInvalid:
            ("{file} ist kein CA-Zertifikat eines kartei-Tresors (erwartet: ein selbstsigniertes P-256-CA-Zertifikat, wie es „kartei ca cert“ ausgibt).",
             "{file} is not the CA certificate of a kartei vault (expected: a self-signed P-256 CA certificate as \"kartei ca cert\" prints it).")
        case .coreTransferPartnerIsOwnCA:
            ("{file} ist das CA-Zertifikat dieses Tresors; als Partner tragen Sie das des anderen Landesverbands ein.",
             "{file} is this vault's own CA certificate; register the other state association's certificate as the partner.")
        case .coreTransferPartnerExists:
            ("Der Partner ist schon eingetragen: „{name}“ mit diesem Namen oder diesem Zertifikat.",
             "The partner is already registered: \"{name}\" with this name or this certificate.")
        case .coreFileExists:
            ("{path} gibt es schon; kartei überschreibt keine Datei. Nichts wurde gespeichert.",
             "{path} already exists; kartei never overwrites a file. Nothing was saved.")
        case .coreFileUnwritable:
            ("{path} konnte nicht geschrieben werden ({reason}). Nichts wurde gespeichert.",
             "{path} could not be written ({reason}). Nothing was saved.")
        case .coreFolderMissing:
            ("Den Ordner {folder} gibt es nicht; {path} kann dort nicht angelegt werden. Legen Sie den Ordner an oder wählen Sie einen anderen Pfad. Nichts wurde gespeichert.",
             "The folder {folder} does not exist, so {path} cannot be created there. Create the folder or choose another path. Nothing was saved.")
        case .coreInitInterrupted:
            ("Ein früheres „kartei init“ für {path} wurde abgebrochen, bevor der Tresor seinen Namen bekam. Es hat diese Dateien hinterlassen:\n  {files}\nSie gehören zu keinem Tresor (ihre Passphrasen wurden nie angezeigt) und werden nicht gebraucht. Löschen Sie sie und rufen Sie „kartei init“ noch einmal auf. Nichts wurde gespeichert.",
             "An earlier \"kartei init\" for {path} was interrupted before the vault got its name. It left these files:\n  {files}\nThey belong to no vault (their passphrases were never shown) and are not needed. Delete them and run \"kartei init\" again. Nothing was saved.")
        case .coreAsRecordedFuture:
            ("--as-recorded {time} liegt in der Zukunft: Was das Spendenbuch dann enthält, steht noch nicht fest. Lassen Sie --as-recorded weg, um den heutigen Stand zu bekommen; die Ausgabe nennt den Zeitpunkt, mit dem Sie ihn später wiederholen.",
             "--as-recorded {time} lies in the future: what the donations ledger will hold then is not known yet. Leave --as-recorded out for the ledger as it stands now; the output names the instant that reproduces it later.")
        case .problemDonationRetentionOver:
            ("liegt so weit zurück, dass die Aufbewahrungsfrist (§ 24 Abs. 2 PartG: zehn Jahre nach Ende des Jahres, bis {until}) schon abgelaufen ist; eine so alte Spende wird nicht mehr eingetragen. Prüfen Sie das Datum.",
             "lies so far back that its retention (§ 24 (2) PartG: ten years after the end of its year, until {until}) has already run out; a donation this old is not recorded. Check the date.")
        case .problemUnknownDuesColumn:
            ("unbekannte Spalte (docs/FINANCE.md nennt die Spalten der Beitragstabelle: Bezeichnung, Einkommen von, Einkommen bis, Beitrag; die erste Zeile muss die Kopfzeile sein)",
             "unknown column (docs/FINANCE.md lists the columns of the dues table: label, incomeFrom, incomeTo, dues; the first line must be the header)")
        case .cliMemberReferenceNotRepeated:
            ("Das ist keine Mitgliedsnummer (z. B. 100158) und keine #Nummer eines Antrags (z. B. #12). Der Wert wird nicht wiederholt, er kann ein Name sein; eine Person nach Namen finden Sie mit „kartei member search“.",
             "That is neither a member number (such as 100158) nor the #id of a pending entry (such as #12). The value is not repeated, as it may be a name; to find a person by name use \"kartei member search\".")
        case .cliBirthDateInvalid:
            ("--birth-date ist kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT). Der Wert wird hier nicht wiederholt, er ist ein personenbezogenes Datum. Nichts wurde gespeichert.",
             "--birth-date is not a valid date (DD.MM.YYYY or YYYY-MM-DD). The value is not repeated here, as it is personal data. Nothing was saved.")
        case .coreTransferHistoryInvalid:
            ("Der Verlauf in {file} ist nicht stimmig (Fassung {version}: {problem}). Nichts wurde gespeichert.",
             "The history in {file} is not consistent (version {version}: {problem}). Nothing was saved.")
        case .transferWhatEnvelope:
            ("die Verschlüsselung (AES-GCM)",
             "the encryption (AES-GCM)")
        case .transferWhatSignature:
            ("die Signatur",
             "the signature")
        case .transferWhatSignerCA:
            ("die Herkunft des Signaturzertifikats",
             "the issuer of the signing certificate")
        case .transferWhySignerExpired:
            ("es ist am {date} abgelaufen; bitten Sie um ein Paket, das mit einem gültigen Zertifikat signiert ist",
             "it expired on {date}; ask for a package signed with a valid certificate")
        case .transferWhySignerNotYetValid:
            ("es gilt erst ab {date}",
             "it is valid only from {date}")
        case .transferWhySignerRole:
            ("es gehört der Rolle „{role}“; nur Schatzmeister/in und Geschäftsstelle dürfen Mitglieder übergeben",
             "it belongs to the role \"{role}\"; only treasurer and office may transfer members")
        case .transferWhySignerPurpose:
            ("es ist kein Benutzerzertifikat von kartei (clientAuth)",
             "it is not a kartei user certificate (clientAuth)")
        case .transferProblemOrder:
            ("die Fassungen folgen nicht lückenlos in Datumsfolge aufeinander",
             "the versions do not follow each other without gaps in date order")
        case .transferProblemLast:
            ("die letzte Fassung ist nicht der Übertritt (transferOut) mit Austrittsdatum",
             "the last version is not the transfer out (transferOut) with its exit date")
        case .transferProblemNumber:
            ("die Mitgliedsnummer wechselt innerhalb des Verlaufs",
             "the member number changes within the history")
        case .transferProblemEmpty:
            ("der Verlauf ist leer oder zu lang",
             "the history is empty or too long")
        case .transferProblemErased:
            ("die Person ist gelöscht",
             "the person has been erased")
        case .helpTransferAbstract:
            ("Übertritte in andere Landesverbände und aus ihnen: signierte, verschlüsselte Übertrittspakete.",
             "Transfers to and from other state associations: signed, encrypted transfer packages.")
        case .helpTransferDiscussion:
            ("Ablauf: Beide Landesverbände tragen einmal das CA-Zertifikat des anderen ein (kartei transfer partner add) und vergleichen den Fingerabdruck am Telefon. Der abgebende schreibt das Paket (kartei transfer out), schickt die Datei, der aufnehmende liest es mit dem Schlüssel seiner CA ein (kartei transfer in).",
             "How it works: both state associations register the other's CA certificate once (kartei transfer partner add) and compare the fingerprint by phone. The sending one writes the package (kartei transfer out) and sends the file; the receiving one reads it in with its CA's key (kartei transfer in).")
        case .helpTransferPartnerAbstract:
            ("Partner-Landesverbände: deren CA-Zertifikate.",
             "Partner state associations: their CA certificates.")
        case .helpTransferPartnerAddAbstract:
            ("Trägt das CA-Zertifikat eines anderen Landesverbands als Partner ein.",
             "Registers another state association's CA certificate as a partner.")
        case .helpTransferPartnerAddDiscussion:
            ("Beispiel: kartei transfer partner add --name \"LV Sachsen-Anhalt\" lv-sachsen-anhalt-ca.pem\nDie Datei ist, was „kartei ca cert“ dort ausgibt. Vergleichen Sie den angezeigten Fingerabdruck (SHA-256) auf einem zweiten Weg mit dem Partner: Wer hier eingetragen ist, darf Mitglieder an diesen Tresor übergeben.",
             "Example: kartei transfer partner add --name \"LV Sachsen-Anhalt\" lv-saxony-anhalt-ca.pem\nThe file is what \"kartei ca cert\" prints there. Compare the fingerprint shown (SHA-256) with the partner over a second channel: whoever is registered here may transfer members to this vault.")
        case .helpTransferPartnerListAbstract:
            ("Die eingetragenen Partner mit Fingerabdruck und Gültigkeit.",
             "The registered partners with fingerprint and validity.")
        case .helpTransferOutAbstract:
            ("Schreibt das Übertrittspaket eines Mitglieds an einen Partner und trägt den Übertritt ein.",
             "Writes a member's transfer package for a partner and records the transfer.")
        case .helpTransferOutDiscussion:
            ("Beispiel: kartei transfer out 100042 --to \"LV Sachsen-Anhalt\" --out 100042.kartei-transfer --date 01.07.2026 --reason \"Umzug nach Magdeburg\"\nDas Paket enthält den ganzen Verlauf der Person, signiert mit Ihrem Zertifikat und verschlüsselt für die CA des Partners. Paket und Übertritt (Status transferred) entstehen gemeinsam oder gar nicht.",
             "Example: kartei transfer out 100042 --to \"LV Sachsen-Anhalt\" --out 100042.kartei-transfer --date 2026-07-01 --reason \"moved to Magdeburg\"\nThe package holds the person's whole history, signed with your certificate and encrypted for the partner's CA. Package and transfer (status transferred) are made together or not at all.")
        case .helpTransferInAbstract:
            ("Liest das Übertrittspaket eines Partners ein und nimmt die Person als Mitglied auf.",
             "Reads a partner's transfer package and takes the person in as a member.")
        case .helpTransferInDiscussion:
            ("Beispiel: kartei transfer in 100042.kartei-transfer --district Leipzig --ca-key lv.kartei.ca-key.pem\nDer CA-Schlüssel öffnet das Paket. Geprüft werden Signatur, Partner, Empfänger und dass das Paket noch nicht eingelesen wurde. Die Person erhält eine neue Mitgliedsnummer; ihr bisheriger Verlauf bleibt als übernommener Verlauf erhalten.",
             "Example: kartei transfer in 100042.kartei-transfer --district Leipzig --ca-key lv.kartei.ca-key.pem\nThe CA key opens the package. Signature, partner, recipient and that the package was not read in before are checked. The person gets a new member number; their previous history is kept as imported history.")
        case .helpTransferListAbstract:
            ("Alle Übertritte dieses Tresors, abgegeben und aufgenommen.",
             "Every transfer of this vault, out and in.")
        case .helpOptionPartnerName:
            ("Name des Partners, z. B. „LV Sachsen-Anhalt“.",
             "The partner's name, e.g. \"LV Sachsen-Anhalt\".")
        case .helpArgumentPartnerCertificate:
            ("Das CA-Zertifikat des Partners (PEM, wie „kartei ca cert“ es dort ausgibt).",
             "The partner's CA certificate (PEM, as \"kartei ca cert\" prints it there).")
        case .helpOptionTransferTo:
            ("Der Partner, zu dem das Mitglied übertritt (Name, siehe kartei transfer partner list).",
             "The partner the member moves to (its name, see kartei transfer partner list).")
        case .helpOptionTransferOut:
            ("Die Paketdatei, die geschrieben wird (darf noch nicht existieren; Modus 0600).",
             "The package file to write (must not exist yet; mode 0600).")
        case .helpOptionTransferDate:
            ("Tag des Übertritts (Standard: heute).",
             "Day of the transfer (default: today).")
        case .helpArgumentTransferPackage:
            ("Die Datei des Übertrittspakets.",
             "The transfer package file.")
        case .helpOptionTransferDistrict:
            ("Kreisverband des neuen Wohnorts in diesem Landesverband (Pflicht).",
             "District of the new home in this state association (required).")
        case .helpOptionTransferBranch:
            ("Ortsverband im neuen Kreisverband (Standard: keiner).",
             "Local branch in the new district (default: none).")
        case .transferPartnerAdded:
            ("Partner „{name}“ eingetragen. CA-Fingerabdruck (SHA-256): {fingerprint}, gültig bis {until}.",
             "Partner \"{name}\" registered. CA fingerprint (SHA-256): {fingerprint}, valid until {until}.")
        case .transferNoPartners:
            ("Noch keine Partner eingetragen (kartei transfer partner add).",
             "No partners registered yet (kartei transfer partner add).")
        case .transferOutDone:
            ("Mitglied {member} tritt am {date} zu {partner} über. Paket: {file} (Paket-ID {id}); es lässt sich nur mit dem CA-Schlüssel des Partners öffnen.",
             "Member {member} transfers to {partner} on {date}. Package: {file} (package id {id}); only the partner's CA key opens it.")
        case .transferInDone:
            ("Aufgenommen als Mitglied {member} im Kreisverband {district} ab {date} (bisher {previous} bei {partner}; Paket-ID {id}).",
             "Taken in as member {member} in district {district} from {date} (previously {previous} at {partner}; package id {id}).")
        case .transferNoTransfers:
            ("Noch keine Übertritte.",
             "No transfers yet.")
        case .fieldImportedHistory:
            ("Übernommener Verlauf (vor dem Übertritt)",
             "Imported history (before the transfer)")
        case .helpMemberEntryAgeAbstract:
            ("Legt das Mindestalter beim Eintritt fest (Standard {default}, laut Satzung).",
             "Sets the youngest age at entry (default {default}, as the statutes say).")
        case .entryAgeSet:
            ("Eintritt ist ab dem {years}. Geburtstag möglich.",
             "Entry is possible from age {years} on.")
        case .helpOrgTimeZoneAbstract:
            ("Zeigt oder setzt die Zeitzone des Landesverbands: Sie bestimmt, welcher Tag „heute“ ist.",
             "Shows or sets the association's time zone: it decides which day \"today\" is.")
        case .helpArgumentTimeZone:
            ("Zeitzone wie „Europe/Berlin“ (ohne Angabe: die eingestellte anzeigen).",
             "A time zone such as \"Europe/Berlin\" (none: show the current one).")
        case .orgTimeZoneShown:
            ("Zeitzone des Landesverbands: {zone}. Heute ist dort der {date}.",
             "The association's time zone: {zone}. Today there is {date}.")
        case .orgTimeZoneSet:
            ("Zeitzone auf {zone} gesetzt. Ab dem nächsten Aufruf gilt „heute“ für diese Zone.",
             "Time zone set to {zone}. From the next command on, \"today\" is the day there.")
        case .helpMemberAnniversariesAbstract:
            ("Geburtstage und Mitgliedsjubiläen der nächsten Tage (für Glückwunschkarten).",
             "Birthdays and membership jubilees of the coming days (for greeting cards).")
        case .helpMemberAnniversariesDiscussion:
            ("Beispiel: kartei member anniversaries --from 01.01.2027 --days 31 --round\nRunde Geburtstage: 50, 60, 65, 70, 75, 80, 85 und ab 90 jedes Jahr; Jubiläen alle fünf Jahre.",
             "Example: kartei member anniversaries --from 2027-01-01 --days 31 --round\nRound birthdays: 50, 60, 65, 70, 75, 80, 85 and every year from 90; jubilees every five years.")
        case .helpOptionEnteredSince:
            ("Nur Eintritte ab diesem Tag (Neumitglieder).",
             "Only entries on or after this day (new members).")
        case .helpOptionRoundOnly:
            ("Nur runde Geburtstage und Jubiläen.",
             "Only round birthdays and jubilees.")
        case .anniversaryBirthday:
            ("{years}. Geburtstag",
             "turns {years}")
        case .anniversaryJubilee:
            ("{years} Jahre Mitglied",
             "{years} years a member")
        case .coreRectifyFieldsOnly:
            ("Berichtigt werden Namen, Geburtsdatum, Geschlecht, Anschrift und Kontakt. Umzüge, Kreisverband, Beitrag und Status sind Ereignisse: „kartei member change“ oder „kartei member event“.",
             "Rectification corrects names, birth date, gender, address and contact. Moves, district, dues and status are events: \"kartei member change\" or \"kartei member event\".")
        case .memberRectified:
            ("{member} berichtigt ({count} Fassungen im Verlauf).",
             "{member} rectified ({count} versions in the history).")
        case .helpMemberRectifyAbstract:
            ("Berichtigt falsch erfasste Angaben in früheren Fassungen (Art. 16 DSGVO).",
             "Corrects wrongly recorded data in past versions (GDPR Art. 16).")
        case .helpMemberRectifyDiscussion:
            ("Beispiel: kartei member rectify 100734 --family-name Meyer --reason \"Schreibfehler seit Eintritt\"\nAnders als „change“ entsteht keine neue Fassung: Der Name war nie anders. Mit --since nur Fassungen ab diesem Tag.",
             "Example: kartei member rectify 100734 --family-name Meyer --reason \"misspelt since entry\"\nUnlike \"change\" no new version is made: the name was never different. With --since only versions from that day on.")
        case .helpOptionSinceVersion:
            ("Nur Fassungen, die an oder nach diesem Tag beginnen.",
             "Only versions that begin on or after this day.")
        case .coreMemberErased:
            ("{member} ist gelöscht: Es bleiben nur Nummer, Daten und Status für Statistik und Buchführung; ändern lässt sich nichts mehr.",
             "{member} has been erased: only number, dates and status remain for statistics and accounts; nothing can be changed any more.")
        case .helpMemberCanaryDomainAbstract:
            ("Legt die Maildomain der Kontrolladressen fest (ein Postfach, das der Landesverband beobachtet).",
             "Sets the mail domain of canary addresses (a mailbox the association watches).")
        case .helpArgumentDomain:
            ("Die Domain, z. B. kontrolle.example-partei.de.",
             "The domain, e.g. canary.example-party.org.")
        case .canaryDomainSet:
            ("Kontrolladressen enden jetzt auf @{domain}.",
             "Canary addresses now end in @{domain}.")
        case .helpBranchAddAbstract:
            ("Legt einen Ortsverband an.",
             "Adds a local branch.")
        case .helpBranchListAbstract:
            ("Listet Ortsverbände auf (alle oder die an einem Tag bestehenden).",
             "Lists local branches (all, or those existing on a day).")
        case .helpBranchRenameAbstract:
            ("Benennt einen Ortsverband ab einem Tag um; seine Mitglieder ziehen mit.",
             "Renames a branch from a day on; its members move with it.")
        case .helpBranchMergeAbstract:
            ("Legt einen Ortsverband ab einem Tag mit einem anderen zusammen.",
             "Merges a branch into another from a day on.")
        case .helpCaucusAddAbstract:
            ("Legt einen landesweiten Zusammenschluss an.",
             "Adds a statewide caucus.")
        case .helpCaucusListAbstract:
            ("Listet die landesweiten Zusammenschlüsse auf.",
             "Lists the statewide caucuses.")
        case .helpCaucusJoinAbstract:
            ("Nimmt eine Person (Mitglied oder nicht) ab einem Tag in einen Zusammenschluss auf.",
             "Adds a person (member or not) to a caucus from a day on.")
        case .helpCaucusMembersAbstract:
            ("Listet, wer an einem Tag zu einem Zusammenschluss gehörte.",
             "Lists who belonged to a caucus on a day.")
        case .helpBodyAddAbstract:
            ("Legt ein Gremium an.",
             "Adds a body.")
        case .helpBodyListAbstract:
            ("Listet die Gremien mit ihren Nummern auf.",
             "Lists the bodies with their numbers.")
        case .helpBodyHoldersAbstract:
            ("Listet die Amtsinhaber eines Gremiums an einem Tag (seine Kontaktliste).",
             "Lists a body's office holders on a day (its contact list).")
        case .helpOfficeAddAbstract:
            ("Trägt ein Parteiamt ein.",
             "Records a party office.")
        case .helpOfficeEndAbstract:
            ("Beendet ein Parteiamt.",
             "Ends a party office.")
        case .helpOfficeListAbstract:
            ("Listet die Parteiämter einer Person auf.",
             "Lists a person's party offices.")
        case .helpMandateAddAbstract:
            ("Trägt ein Mandat ein.",
             "Records a mandate.")
        case .helpMandateEndAbstract:
            ("Beendet ein Mandat.",
             "Ends a mandate.")
        case .helpMandateListAbstract:
            ("Listet die an einem Tag bestehenden Mandate auf.",
             "Lists the mandates held on a day.")
        }
    }
}
