package eu.vetnet.community;

import eu.vetnet.community.reference.ReferenceData;
import tools.jackson.databind.json.JsonMapper;

/** The shipped reference data, read as the server reads it. */
public final class TestReference {

    public static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    public static final ReferenceData DATA = ReferenceData.load(JSON);

    private TestReference() {
    }
}
