//! `import annuaire`: the State's directory ("Référentiel de l'organisation
//! administrative de l'État", `../shared/formats/annuaire.md`) to data
//! format v1: the tree under one service, following its "Service Fils"
//! links only ("Autre hiérarchie" is a secondary link, never a parent).
//!
//! An export of one ministry is tens of megabytes: it is read as a stream
//! into the few fields a chart needs, everything else skipped unread, so
//! memory stays well under the file's size.

use super::{pretty, Imported, People};
use crate::located::Located;
use crate::messages::Messages;
use organigramme_core::ids::{is_valid_id, slug};
use organigramme_core::load::{parse, MAX_DEPTH};
use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::marker::PhantomData;

/// One service, as far as a chart needs it.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Service {
    #[serde(deserialize_with = "text")]
    id: Option<String>,
    #[serde(deserialize_with = "text")]
    nom: Option<String>,
    #[serde(deserialize_with = "text")]
    sigle: Option<String>,
    #[serde(deserialize_with = "text")]
    type_organisme: Option<String>,
    #[serde(deserialize_with = "text")]
    mission: Option<String>,
    #[serde(deserialize_with = "text")]
    date_modification: Option<String>,
    #[serde(deserialize_with = "encoded")]
    hierarchie: Vec<Link>,
    #[serde(deserialize_with = "encoded")]
    affectation_personne: Vec<Affectation>,
    #[serde(deserialize_with = "encoded")]
    site_internet: Vec<Labelled>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Link {
    #[serde(deserialize_with = "text")]
    type_hierarchie: Option<String>,
    service: ServiceRef,
}

/// A linked service: its id as a string, or an object `{"id": …}`.
#[derive(Default)]
struct ServiceRef(Option<String>);

impl<'de> Deserialize<'de> for ServiceRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct WithId {
            #[serde(default, deserialize_with = "text")]
            id: Option<String>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Id(String),
            Object(WithId),
            Other(IgnoredAny),
        }
        Ok(ServiceRef(match Either::deserialize(d)? {
            Either::Id(id) => Some(id),
            Either::Object(o) => o.id,
            Either::Other(_) => None,
        }))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Affectation {
    #[serde(deserialize_with = "text")]
    fonction: Option<String>,
    personne: Option<Personne>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Personne {
    #[serde(deserialize_with = "text")]
    prenom: Option<String>,
    #[serde(deserialize_with = "text")]
    nom: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Labelled {
    #[serde(deserialize_with = "text")]
    valeur: Option<String>,
}

/// A text field: trimmed, absent when null or blank; a number becomes its
/// digits (some exports write ids as numbers).
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Number(serde_json::Number),
        Other(IgnoredAny),
    }
    Ok(match Option::<Raw>::deserialize(d)? {
        Some(Raw::Text(s)) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Some(Raw::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// A list that may arrive as a list, as a JSON-encoded string of one, or
/// empty as `null`, `""` or `"[]"`.
fn encoded<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    struct Encoded<T>(PhantomData<T>);
    impl<'de, T: DeserializeOwned> Visitor<'de> for Encoded<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list, or a JSON-encoded string of one")
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Vec<T>, E> {
            match s.trim() {
                "" | "null" => Ok(Vec::new()),
                s => serde_json::from_str::<Vec<T>>(s).map_err(|e| E::custom(format!("in an encoded list: {e}"))),
            }
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element::<T>()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_any(Encoded(PhantomData))
}

/// The export: `{"service": [...]}` (the dataset), or a list of services
/// (the API's JSON export), read as it streams by.
struct Services(Vec<Service>);

impl<'de> Deserialize<'de> for Services {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Top;
        impl<'de> Visitor<'de> for Top {
            type Value = Services;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object with a \"service\" list, or a list of services")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Services, A::Error> {
                let mut services = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "service" {
                        services = Some(map.next_value::<Vec<Service>>()?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                services.map(Services).ok_or_else(|| serde::de::Error::missing_field("service"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Services, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<Service>()? {
                    out.push(s);
                }
                Ok(Services(out))
            }
        }
        d.deserialize_any(Top)
    }
}

pub struct AnnuaireOptions {
    pub root: String,
    pub people: bool,
    pub title: Option<String>,
}

/// "12/03/2024 10:00:00" → "2024-03-12".
fn iso_date(date: &str) -> Option<String> {
    let day = date.split_whitespace().next()?;
    let mut parts = day.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = d.len() == 2 && m.len() == 2 && y.len() == 4 && [d, m, y].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| format!("{y}-{m}-{d}"))
}

/// Reads the export from `input` and builds the chart under the root.
/// What stops it: JSON not of the expected shape (where), no such root,
/// or a result the core refuses.
pub fn import(input: impl Read, options: &AnnuaireOptions, msg: Messages) -> Result<Imported, Located> {
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(input));
    let services = Services::deserialize(&mut de).and_then(|s| de.end().map(|()| s.0)).map_err(|e| Located {
        line: Some(e.line()),
        column: Some(e.column()),
        message: e.to_string().split(" at line ").next().unwrap_or_default().to_owned(),
    })?;
    let by_id: HashMap<&str, usize> =
        services.iter().enumerate().filter_map(|(i, s)| s.id.as_deref().map(|id| (id, i))).collect();
    let Some(&root) = by_id.get(options.root.as_str()) else {
        return Err(Located::file(msg.says(
            format!("aucun service d’id « {} » dans l’export ({} services)", options.root, services.len()),
            format!("no service with id “{}” in the export ({} services)", options.root, services.len()),
        )));
    };
    let mut b = Builder {
        services: &services,
        by_id: &by_id,
        options,
        msg,
        seen: HashSet::new(),
        ids: HashSet::new(),
        placed: Vec::new(),
        warnings: Vec::new(),
    };
    let top = b.unit(root, 1);
    let updated = b.seen.iter().filter_map(|&i| services[i].date_modification.as_deref().and_then(iso_date)).max();
    let title = options.title.clone().or_else(|| services[root].nom.clone()).unwrap_or_else(|| options.root.clone());
    let (placed, mut warnings) = (b.placed, b.warnings);
    let json = pretty(&Document { title, lang: "fr", updated, root: Tree { services: &services, placed: &placed, index: top } });
    // The export is no longer needed while the core checks the result.
    drop(by_id);
    drop(placed);
    drop(services);
    match parse(&json) {
        Ok(chart) => {
            warnings.extend(chart.warnings.iter().map(|w| w.message(msg.lang())));
            Ok(Imported { json, warnings: warnings.into_iter().map(Located::file).collect() })
        }
        Err(e) => Err(Located::file(e.message(msg.lang()))),
    }
}

/// A service placed in the chart: what it takes from the links.
struct Placed {
    service: usize,
    id: String,
    name: String,
    people: Vec<(String, Option<String>)>,
    children: Vec<usize>,
}

struct Builder<'a> {
    services: &'a [Service],
    by_id: &'a HashMap<&'a str, usize>,
    options: &'a AnnuaireOptions,
    msg: Messages,
    /// Services placed: one place each, whatever the links say.
    seen: HashSet<usize>,
    /// Unit ids given, unique.
    ids: HashSet<String>,
    placed: Vec<Placed>,
    warnings: Vec<String>,
}

/// The data file, written as it is serialised from the export's services:
/// no tree of values in between.
#[derive(Serialize)]
struct Document<'a> {
    title: String,
    /// The directory is in French.
    lang: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    root: Tree<'a>,
}

struct Tree<'a> {
    services: &'a [Service],
    placed: &'a [Placed],
    index: usize,
}

impl Serialize for Tree<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = &self.placed[self.index];
        let service = &self.services[p.service];
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &p.id)?;
        map.serialize_entry("name", &p.name)?;
        if let Some(sigle) = service.sigle.as_ref().filter(|&sigle| *sigle != p.name) {
            map.serialize_entry("short_name", sigle)?;
        }
        if let Some(kind) = &service.type_organisme {
            map.serialize_entry("kind", kind)?;
        }
        if let Some(mission) = &service.mission {
            map.serialize_entry("description", mission)?;
        }
        if let Some(url) = service.site_internet.iter().find_map(|l| l.valeur.as_ref()) {
            map.serialize_entry("url", url)?;
        }
        if !p.people.is_empty() {
            map.serialize_entry("people", &People(&p.people))?;
        }
        if !p.children.is_empty() {
            let children: Vec<Tree> = p.children.iter().map(|&index| Tree { index, ..*self }).collect();
            map.serialize_entry("children", &children)?;
        }
        map.end()
    }
}

impl Builder<'_> {
    /// A unique, valid id: the service's own when it is one, else a slug.
    fn id(&mut self, service: &Service) -> String {
        let own = service.id.clone().unwrap_or_default();
        let base = if is_valid_id(&own) { own } else { slug(service.nom.as_deref().unwrap_or(&own)) };
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn warn(&mut self, fr: String, en: String) {
        let text = self.msg.says(fr, en);
        self.warnings.push(text);
    }

    /// Places a service and, below it, its "Service Fils": its index in `placed`.
    fn unit(&mut self, index: usize, depth: usize) -> usize {
        self.seen.insert(index);
        let s = &self.services[index];
        let id = self.id(s);
        let name = s.nom.clone().or_else(|| s.sigle.clone()).unwrap_or_else(|| s.id.clone().unwrap_or_default());
        if s.nom.is_none() {
            let id = s.id.clone().unwrap_or_default();
            self.warn(format!("le service « {id} » n’a pas de nom : « {name} » le remplace"), format!("the service “{id}” has no name: “{name}” stands for it"));
        }
        let people = if self.options.people { self.people(s, &name) } else { Vec::new() };
        let children = self.children(index, &name, depth);
        self.placed.push(Placed { service: index, id, name, people, children });
        self.placed.len() - 1
    }

    fn people(&mut self, s: &Service, unit: &str) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        for a in &s.affectation_personne {
            let person = a.personne.as_ref().map(|p| {
                [p.prenom.as_deref(), p.nom.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ")
            });
            match (person.filter(|p| !p.is_empty()), &a.fonction) {
                (Some(name), role) => out.push((name, role.clone())),
                (None, Some(role)) => self.warn(
                    format!("« {unit} » : la fonction « {role} » n’a pas de titulaire nommé : elle n’est pas importée"),
                    format!("“{unit}”: the role “{role}” has no named holder: it is not imported"),
                ),
                (None, None) => {}
            }
        }
        out
    }

    /// The "Service Fils" of a service, in the export's order.
    fn children(&mut self, index: usize, name: &str, depth: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let links: Vec<Option<String>> = self.services[index]
            .hierarchie
            .iter()
            .filter(|l| l.type_hierarchie.as_deref() == Some("Service Fils"))
            .map(|l| l.service.0.clone())
            .collect();
        for child in links.into_iter().flatten() {
            match self.by_id.get(child.as_str()) {
                None => self.warn(
                    format!("« {name} » : le service fils « {child} » n’est pas dans l’export"),
                    format!("“{name}”: the child service “{child}” is not in the export"),
                ),
                Some(&c) if self.seen.contains(&c) => self.warn(
                    format!("« {name} » : le service fils « {child} » est déjà placé (un seul parent par service)"),
                    format!("“{name}”: the child service “{child}” is already placed (one parent per service)"),
                ),
                Some(_) if depth >= MAX_DEPTH => self.warn(
                    format!("« {name} » : au-delà de {MAX_DEPTH} niveaux, ses services fils ne sont pas importés"),
                    format!("“{name}”: beyond {MAX_DEPTH} levels, its child services are not imported"),
                ),
                Some(&c) => out.push(self.unit(c, depth + 1)),
            }
        }
        out
    }
}
