/// The word lists the synthetic generator draws from: common German given and family names,
/// the 13 districts of the model Landesverband with towns, postal-code prefixes and streets.
/// Combinations are random: no record describes a real person.
public enum SyntheticCatalog {
    public struct District: Sendable {
        public let name: String
        /// Relative size of the district's membership.
        public let weight: Double
        public let towns: [(name: String, postalCode: String)]
    }

    public static let districts: [District] = [
        District(name: "Bautzen", weight: 5, towns: [("Bautzen", "02625"), ("Hoyerswerda", "02977"), ("Kamenz", "01917"), ("Radeberg", "01454")]),
        District(name: "Chemnitz", weight: 9, towns: [("Chemnitz", "09111"), ("Chemnitz", "09126"), ("Chemnitz", "09130")]),
        District(name: "Dresden", weight: 16, towns: [("Dresden", "01067"), ("Dresden", "01099"), ("Dresden", "01139"), ("Dresden", "01277"), ("Dresden", "01307")]),
        District(name: "Erzgebirge", weight: 6, towns: [("Annaberg-Buchholz", "09456"), ("Aue-Bad Schlema", "08280"), ("Marienberg", "09496"), ("Stollberg", "09366")]),
        District(name: "Görlitz", weight: 5, towns: [("Görlitz", "02826"), ("Zittau", "02763"), ("Löbau", "02708"), ("Weißwasser", "02943")]),
        District(name: "Leipzig", weight: 18, towns: [("Leipzig", "04103"), ("Leipzig", "04177"), ("Leipzig", "04275"), ("Leipzig", "04315"), ("Leipzig", "04349")]),
        District(name: "Landkreis Leipzig", weight: 5, towns: [("Borna", "04552"), ("Grimma", "04668"), ("Markkleeberg", "04416"), ("Wurzen", "04808")]),
        District(name: "Meißen", weight: 5, towns: [("Meißen", "01662"), ("Radebeul", "01445"), ("Riesa", "01587"), ("Großenhain", "01558")]),
        District(name: "Mittelsachsen", weight: 6, towns: [("Freiberg", "09599"), ("Döbeln", "04720"), ("Mittweida", "09648"), ("Flöha", "09557")]),
        District(name: "Nordsachsen", weight: 4, towns: [("Torgau", "04860"), ("Delitzsch", "04509"), ("Eilenburg", "04838"), ("Oschatz", "04758")]),
        District(name: "Sächsische Schweiz-Osterzgebirge", weight: 5, towns: [("Pirna", "01796"), ("Freital", "01705"), ("Dippoldiswalde", "01744"), ("Sebnitz", "01855")]),
        District(name: "Vogtland", weight: 5, towns: [("Plauen", "08523"), ("Reichenbach", "08468"), ("Auerbach", "08209"), ("Oelsnitz", "08606")]),
        District(name: "Zwickau", weight: 7, towns: [("Zwickau", "08056"), ("Crimmitschau", "08451"), ("Werdau", "08412"), ("Glauchau", "08371")]),
    ]

    public static let femaleGivenNames = [
        "Anna", "Andrea", "Angelika", "Anja", "Annett", "Antje", "Barbara", "Birgit", "Brigitte", "Carola", "Christa",
        "Christine", "Claudia", "Cornelia", "Dagmar", "Doris", "Edith", "Elke", "Emma", "Erika", "Franziska", "Gabriele",
        "Gerda", "Gisela", "Hannah", "Heike", "Helga", "Ilona", "Ines", "Ingrid", "Jana", "Julia", "Karin", "Katja",
        "Katrin", "Kerstin", "Lea", "Lena", "Lisa", "Manuela", "Maria", "Marie", "Marion", "Martina", "Mia", "Monika",
        "Nicole", "Petra", "Regina", "Renate", "Ruth", "Sabine", "Sandra", "Silke", "Simone", "Sophie", "Stefanie",
        "Susanne", "Sylvia", "Ursula", "Ute", "Yvonne",
    ]

    public static let maleGivenNames = [
        "Andreas", "Bernd", "Christian", "Daniel", "Detlef", "Dieter", "Dirk", "Erik", "Felix", "Frank", "Gerd",
        "Günter", "Hans", "Heiko", "Heinz", "Helmut", "Holger", "Horst", "Jan", "Jens", "Jonas", "Jörg", "Jürgen",
        "Karl", "Klaus", "Lars", "Leon", "Lukas", "Lutz", "Manfred", "Marcel", "Mario", "Martin", "Matthias", "Max",
        "Michael", "Mike", "Norbert", "Olaf", "Paul", "Peter", "Philipp", "Rainer", "René", "Ronny", "Sebastian",
        "Siegfried", "Steffen", "Stefan", "Sven", "Thomas", "Tobias", "Torsten", "Uwe", "Volker", "Werner", "Wolfgang",
    ]

    public static let diverseGivenNames = ["Alex", "Kim", "Robin", "Sascha", "Toni", "Luca", "Charlie", "Jo"]

    public static let familyNames = [
        "Albrecht", "Arnold", "Bauer", "Baumann", "Beck", "Becker", "Berger", "Bergmann", "Böhm", "Brandt", "Braun",
        "Busch", "Dietrich", "Engel", "Fischer", "Frank", "Franke", "Friedrich", "Fuchs", "Göhler", "Graf", "Groß",
        "Günther", "Haas", "Hahn", "Hänel", "Hartmann", "Heinrich", "Herrmann", "Hoffmann", "Hofmann", "Horn", "Jäger",
        "Jung", "Kaiser", "Keller", "Klein", "Koch", "Köhler", "König", "Krämer", "Kraus", "Krause", "Kretzschmar",
        "Krüger", "Kuhn", "Kühn", "Lange", "Lehmann", "Lorenz", "Ludwig", "Maier", "Martin", "Meier", "Meyer", "Möller",
        "Müller", "Neumann", "Otto", "Peters", "Pfeiffer", "Pohl", "Richter", "Rößler", "Roth", "Sauer", "Schäfer",
        "Scholz", "Schreiber", "Schröder", "Schubert", "Schulz", "Schulze", "Schumacher", "Schuster", "Schwarz",
        "Seidel", "Seifert", "Simon", "Sommer", "Stein", "Uhlig", "Ullrich", "Vogel", "Vogt", "Voigt", "Wagner",
        "Walter", "Weber", "Weiß", "Werner", "Winkler", "Winter", "Wolf", "Zimmermann",
    ]

    /// Stems and endings for the long tail of family names: real files have tens of thousands of
    /// distinct names, and search and duplicate detection must be measured against that.
    public static let familyStems = [
        "Alt", "Bach", "Baum", "Berg", "Birk", "Blum", "Brand", "Breit", "Brück", "Burg", "Dach", "Dorn", "Eich", "Eisen",
        "Falk", "Feld", "Fels", "Fink", "Forst", "Frei", "Fried", "Gold", "Grün", "Gut", "Hain", "Hart", "Hecht", "Heid",
        "Herz", "Hirsch", "Hof", "Holz", "Hoch", "Kalk", "Kamm", "Kirch", "Klee", "Kling", "Kolb", "Kreuz", "Kron", "Lang",
        "Lau", "Lind", "Loh", "Mahl", "Marx", "Mohr", "Moos", "Neu", "Nord", "Ober", "Pfaff", "Rein", "Ried", "Ring",
        "Rosen", "Roß", "Sand", "Schön", "Schwab", "See", "Stahl", "Stock", "Strauß", "Sturm", "Tal", "Thal", "Wald",
        "Wart", "Weid", "Wend", "Wies", "Wild", "Wind", "Zell",
    ]

    public static let familySuffixes = [
        "mann", "er", "ner", "hauser", "meier", "bach", "inger", "ert", "hardt", "ke", "mayr", "stein", "berger", "rich",
        "wald", "feld", "hofer", "ler", "ling", "bauer", "schmidt", "acker", "brecht", "weber", "born", "dorf",
    ]

    public static let streets = [
        "Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Dorfstraße", "Bergstraße", "Lindenstraße",
        "Am Markt", "Goethestraße", "Schillerstraße", "Friedensstraße", "Ringstraße", "Waldstraße", "Wiesenweg",
        "Am Anger", "Mühlweg", "Rosa-Luxemburg-Straße", "Karl-Liebknecht-Straße", "Clara-Zetkin-Straße", "Thälmannstraße",
        "Rathausplatz", "Kirchgasse", "Feldstraße", "Sonnenweg", "Poststraße", "Parkstraße", "Leipziger Straße",
        "Dresdner Straße", "Chemnitzer Straße", "Zwickauer Straße",
    ]
}
