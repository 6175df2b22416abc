package eu.vetnet.crdt.oracle;

/** The reference implementations the oracle can run, both pinned in src/test/js/package.json. */
public enum Engine {
    /** yjs 13.6.x, loaded as an ES module. */
    YJS("yjs"),
    /** ywasm 0.18.x: y-crdt (yrs) compiled to WebAssembly. No update-level utilities. */
    YWASM("ywasm");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    /** The name oracle.mjs takes on its command line. */
    public String id() {
        return id;
    }
}
