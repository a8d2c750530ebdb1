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
        }
    }
}
