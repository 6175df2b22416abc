package eu.vetnet.community.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classifications a practice is filed under, read once from the data files in this package (each names its
 * official source and what part of it is shipped: docs/community.md, "Reference data"): EQF levels, NACE Rev. 2
 * sections and divisions, NUTS countries and regions, Creative Commons licences, organisation types, languages.
 * The same files answer {@code GET /api/public/library/reference}, so the app offers exactly what the server accepts.
 */
public final class ReferenceData {

    private static final String FOLDER = "/eu/vetnet/community/reference/";
    static final List<String> FILES = List.of("eqf", "nace", "nuts", "licences", "organisation-types", "languages");

    private final Map<String, JsonNode> files;
    private final Set<Integer> eqfLevels = new LinkedHashSet<>();
    private final Set<String> sections = new LinkedHashSet<>();
    private final Map<String, String> divisionSections = new HashMap<>();
    private final Set<String> countries = new LinkedHashSet<>();
    private final Map<String, String> regionCountries = new HashMap<>();
    private final Map<String, JsonNode> licences = new LinkedHashMap<>();
    private final Set<String> organisationTypes = new LinkedHashSet<>();
    private final Set<String> languages = new LinkedHashSet<>();

    private ReferenceData(Map<String, JsonNode> files) {
        this.files = files;
        files.get("eqf").get("levels").forEach(l -> eqfLevels.add(l.get("level").asInt()));
        files.get("nace").get("sections").forEach(s -> sections.add(s.get("code").asString()));
        files.get("nace").get("divisions").forEach(d -> divisionSections.put(d.get("code").asString(), d.get("section").asString()));
        files.get("nuts").get("countries").forEach(c -> countries.add(c.get("code").asString()));
        files.get("nuts").get("regions").forEach(r -> regionCountries.put(r.get("code").asString(), r.get("country").asString()));
        files.get("licences").get("licences").forEach(l -> licences.put(l.get("id").asString(), l));
        files.get("organisation-types").get("types").forEach(t -> organisationTypes.add(t.get("id").asString()));
        files.get("languages").get("languages").forEach(l -> languages.add(l.get("code").asString()));
    }

    /** Reads the data files shipped in the jar; a missing or unreadable one stops the server at start. */
    public static ReferenceData load(JsonMapper json) {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = ReferenceData.class.getResourceAsStream(FOLDER + name + ".json")) {
                if (in == null) {
                    throw new IllegalStateException(FOLDER + name + ".json is missing from the jar");
                }
                files.put(name, json.readTree(in));
            } catch (IOException e) {
                throw new IllegalStateException("could not read " + FOLDER + name + ".json", e);
            }
        }
        return new ReferenceData(files);
    }

    public boolean isEqfLevel(int level) {
        return eqfLevels.contains(level);
    }

    /** A section letter ("F") or a section with one of its divisions ("C16"). */
    public boolean isSector(String code) {
        if (code == null || code.isEmpty()) {
            return false;
        }
        String section = code.substring(0, 1);
        if (!sections.contains(section)) {
            return false;
        }
        return code.length() == 1 || section.equals(divisionSections.get(code.substring(1)));
    }

    /** The NACE section of a sector code: what the library's sector facet counts. */
    public static String sectionOf(String sector) {
        return sector == null || sector.isEmpty() ? "" : sector.substring(0, 1);
    }

    public boolean isCountry(String code) {
        return countries.contains(code);
    }

    public boolean isRegionOf(String region, String country) {
        return country != null && country.equals(regionCountries.get(region));
    }

    public boolean isLicence(String id) {
        return licences.containsKey(id);
    }

    public Set<String> licenceIds() {
        return licences.keySet();
    }

    /** The licence's short name ("CC BY 4.0") and its deed's address, for public pages and the feed. */
    public String licenceShort(String id) {
        JsonNode l = licences.get(id);
        return l == null ? id : l.get("short").asString();
    }

    public String licenceUrl(String id) {
        JsonNode l = licences.get(id);
        return l == null ? null : l.get("url").asString();
    }

    public boolean isOrganisationType(String id) {
        return organisationTypes.contains(id);
    }

    public boolean isLanguage(String code) {
        return languages.contains(code);
    }

    /** The English name of a NACE section, country or organisation type for public pages ({@code code} when unknown). */
    public String englishName(String file, String listField, String code) {
        for (JsonNode entry : files.get(file).get(listField)) {
            JsonNode id = entry.has("code") ? entry.get("code") : entry.get("id");
            if (id != null && id.asString().equals(code)) {
                JsonNode names = entry.get("names");
                return names != null && names.has("en") ? names.get("en").asString() : entry.path("name").asString(code);
            }
        }
        return code;
    }

    /** Everything the app needs to offer the same choices the server accepts. */
    public Map<String, Object> forClients() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eqf", files.get("eqf").get("levels"));
        Map<String, Object> nace = new LinkedHashMap<>();
        nace.put("sections", files.get("nace").get("sections"));
        nace.put("divisions", files.get("nace").get("divisions"));
        out.put("nace", nace);
        out.put("countries", files.get("nuts").get("countries"));
        out.put("regions", files.get("nuts").get("regions"));
        out.put("licences", new ArrayList<>(licences.values()));
        out.put("organisationTypes", files.get("organisation-types").get("types"));
        out.put("languages", files.get("languages").get("languages"));
        return out;
    }
}
