//! The command's help in French. clap's derive writes it in English, from
//! the doc comments; with a French locale or `--lang fr`, these texts
//! replace them (clap's own bracketed notes, such as `[default: text]`,
//! stay as clap writes them).

use clap::{Arg, ArgAction, Command};

/// Each command (by its path) and what it does.
const ABOUT: &[(&[&str], &str)] = &[
    (&[], "Vérifie, importe, exporte, compte et compare des organigrammes (format de données Organigramme, version 1)."),
    (
        &["validate"],
        "Vérifie des fichiers comme le widget les charge : chaque erreur située (fichier:ligne:colonne pour la syntaxe, le chemin JSON pour le reste), avertissements compris ; code 1 si un fichier n’est pas valide",
    ),
    (&["stats"], "Compte les unités, les personnes, les niveaux, le niveau le plus large, les unités sans personne et les postes vacants"),
    (
        &["diff"],
        "Montre ce qui a changé de OLD à NEW : unités ajoutées, supprimées, renommées, déplacées, personnes arrivées, parties ou de fonction changée, autres champs changés ; code 1 s’ils diffèrent",
    ),
    (&["import"], "Convertit un autre format en format de données v1 ; le résultat est vérifié par le chargeur du widget avant d’être écrit"),
    (
        &["import", "csv"],
        "Un export RH : une ligne par unité (id, parent, name, short_name, kind, description, url), ou par personne d’une unité (ses colonnes répétées, plus person et role) ; les lignes d’un même id sont fusionnées, dans l’ordre",
    ),
    (
        &["import", "html"],
        "Les listes imbriquées d’une page (une « version accessible » d’organigramme) : unités des éléments de liste et des libellés en gras, personnes et fonctions des formes françaises usuelles ; ce qui n’est pas compris est un avertissement avec sa ligne",
    ),
    (
        &["import", "annuaire"],
        "L’annuaire de l’État (Référentiel de l’organisation administrative de l’État, le JSON de l’API Annuaire) : l’arbre sous --root, par les seuls liens « Service Fils »",
    ),
    (&["export"], "Écrit un organigramme sous une autre forme"),
    (
        &["export", "html"],
        "Le HTML du widget, statique : à coller dans l’élément data-organigramme comme contenu de repli (chaque branche présente, les branches repliées en hidden=\"until-found\") ; le widget le remplace sans que rien ne bouge. Sa langue : --lang, sinon celle des données, sinon le français",
    ),
];

/// Each argument (by its command's path and its id) and what it is.
const ARGS: &[(&[&str], &str, &str)] = &[
    (&[], "lang", "Langue des messages : fr ou en [par défaut : selon LC_ALL, LC_MESSAGES ou LANG ; l’anglais sauf en français]"),
    (&[], "output", "Écrit le résultat dans FILE (remplacé d’un coup : jamais à moitié écrit) au lieu de la sortie standard"),
    (&["validate"], "files", "Les fichiers à vérifier (- pour l’entrée standard)"),
    (&["validate"], "format", "Forme du rapport"),
    (&["stats"], "file", "Le fichier de l’organigramme (- pour l’entrée standard)"),
    (&["stats"], "format", "Forme du rapport"),
    (&["diff"], "old", "L’ancienne version"),
    (&["diff"], "new", "La nouvelle version"),
    (&["diff"], "format", "Forme du rapport"),
    (&["import", "csv"], "file", "Le fichier CSV (- pour l’entrée standard)"),
    (&["import", "csv"], "delimiter", "Le séparateur de champs [par défaut : détecté parmi , ; et tabulation]"),
    (&["import", "csv"], "encoding", "L’encodage du fichier [par défaut : UTF-8 (avec ou sans BOM) s’il est valide, sinon Windows-1252]"),
    (
        &["import", "csv"],
        "columns",
        "Quelle colonne porte un champ, quand son en-tête n’est pas reconnu : id, parent, name, short_name, kind, description, url, person ou role",
    ),
    (&["import", "csv"], "title", "Le titre de l’organigramme [par défaut : le nom de l’unité racine]"),
    (&["import", "html"], "file", "La page (- pour l’entrée standard)"),
    (&["import", "html"], "selector", "Un sélecteur CSS de l’élément qui contient les listes [par défaut : #organigramme, .accordion-content, main ou body]"),
    (&["import", "html"], "root_name", "Le nom de l’unité racine [par défaut : le premier h1 de la page, ou son titre]"),
    (&["import", "html"], "title", "Le titre de l’organigramme [par défaut : le nom de la racine]"),
    (&["import", "annuaire"], "file", "L’export JSON de l’annuaire (- pour l’entrée standard)"),
    (&["import", "annuaire"], "root", "L’id du service à la racine de l’organigramme"),
    (&["import", "annuaire"], "no_people", "Laisse de côté les personnes nommées"),
    (&["import", "annuaire"], "title", "Le titre de l’organigramme [par défaut : le nom du service racine]"),
    (&["export", "html"], "file", "Le fichier de l’organigramme (- pour l’entrée standard)"),
    (&["export", "html"], "depth", "Combien de niveaux sont ouverts au départ, comme data-depth (1 : la racine, montrant ses sous-unités)"),
    (&["export", "html"], "open", "Le volet extérieur ouvert, comme data-open"),
    (&["export", "html"], "link_prefix", "Avant l’id de chaque unité dans l’id de son élément, comme data-link-prefix"),
    (&["export", "html"], "label", "Le texte du volet extérieur, comme data-label"),
];

const AFTER_HELP: &str = "Codes de sortie : 0 succès ; 1 fichiers non valides ou différences ; 2 erreur d’utilisation, de lecture ou d’écriture.\n\
    Un FILE « - » est l’entrée standard.";

/// Applies `f` to the command at `path` under `cmd`.
fn at(cmd: Command, path: &[&str], f: &dyn Fn(Command) -> Command) -> Command {
    match path.split_first() {
        None => f(cmd),
        Some((first, rest)) => cmd.mut_subcommand(*first, |sub| at(sub, rest, f)),
    }
}

/// French headings on every command.
fn headings(cmd: Command) -> Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Commandes");
    for name in names {
        cmd = cmd.mut_subcommand(name, headings);
    }
    cmd
}

/// The command, with its help in French.
pub fn french(cmd: Command) -> Command {
    let mut cmd = cmd
        .after_help(AFTER_HELP)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).global(true).help("Affiche l’aide"))
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help("Affiche la version"));
    for (path, about) in ABOUT {
        cmd = at(cmd, path, &|c| c.about(*about));
    }
    for (path, id, help) in ARGS {
        cmd = at(cmd, path, &|c| c.mut_arg(*id, |a| a.help(*help)));
    }
    headings(cmd)
}
