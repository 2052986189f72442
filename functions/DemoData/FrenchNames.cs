namespace ConseillersEntreprises.DemoData;

/// <summary>
/// Common French first and last names. The generator combines them at random: the people of the demo directory
/// are fictional, their addresses live on <c>.demo.</c> sub-domains that receive no mail.
/// </summary>
internal static class FrenchNames
{
    public static readonly string[] FirstNames =
    [
        "Adèle", "Agnès", "Alain", "Alexandre", "Alice", "Amandine", "Amélie", "Anaïs", "André", "Anne",
        "Antoine", "Arnaud", "Aurélie", "Baptiste", "Benoît", "Bernard", "Brigitte", "Camille", "Caroline", "Catherine",
        "Cécile", "Céline", "Charlotte", "Christophe", "Claire", "Clément", "Corinne", "Damien", "Delphine", "Denis",
        "Élodie", "Émilie", "Emmanuel", "Éric", "Estelle", "Fabien", "Fanny", "Fatima", "Florence", "François",
        "Frédéric", "Gaëlle", "Guillaume", "Hélène", "Hugo", "Isabelle", "Jacques", "Jean-Marc", "Jean-Pierre", "Jérôme",
        "Julie", "Julien", "Karim", "Karine", "Laetitia", "Laurence", "Laurent", "Léa", "Louis", "Lucie",
        "Manon", "Marc", "Marie", "Marion", "Mathieu", "Maxime", "Mélanie", "Michel", "Mohamed", "Nadia",
        "Nathalie", "Nicolas", "Olivier", "Pascal", "Patricia", "Patrick", "Pauline", "Philippe", "Pierre", "Quentin",
        "Raphaël", "Rémi", "Sabine", "Samia", "Sandrine", "Sébastien", "Sophie", "Stéphane", "Sylvie", "Thierry",
        "Thomas", "Valérie", "Vanessa", "Véronique", "Vincent", "Virginie", "Xavier", "Yann", "Yasmine", "Zoé",
    ];

    public static readonly string[] LastNames =
    [
        "Arnaud", "Aubert", "Barbier", "Baron", "Benali", "Bernard", "Bertin", "Blanc", "Blanchard", "Bonnet",
        "Boucher", "Bourgeois", "Boyer", "Brun", "Carpentier", "Carré", "Charpentier", "Chevalier", "Clément", "Colin",
        "Da Silva", "David", "Denis", "Diallo", "Dubois", "Dufour", "Dumas", "Dumont", "Dupont", "Dupuis",
        "Durand", "Faure", "Fabre", "Fernandez", "Fleury", "Fontaine", "Fournier", "François", "Gaillard", "Garcia",
        "Garnier", "Gauthier", "Gérard", "Germain", "Girard", "Giraud", "Guérin", "Guillaume", "Haddad", "Henry",
        "Hoarau", "Huet", "Jacob", "Joly", "Lacroix", "Lambert", "Laurent", "Leblanc", "Lebrun", "Leclerc",
        "Lefebvre", "Lefèvre", "Legrand", "Lemaire", "Lemoine", "Leroy", "Lucas", "Maillard", "Marchand", "Martin",
        "Martinez", "Masson", "Mathieu", "Mercier", "Meunier", "Michel", "Moreau", "Morel", "Morin", "Muller",
        "Nguyen", "Nicolas", "Noël", "Paris", "Perrin", "Petit", "Picard", "Pierre", "Renard", "Richard",
        "Rivière", "Robert", "Robin", "Roche", "Rousseau", "Roussel", "Roux", "Roy", "Schmitt", "Simon",
        "Thomas", "Vidal", "Vincent", "Philippe", "Le Gall", "Le Goff", "Ferrand", "Benard", "Payet", "Marie",
    ];
}
