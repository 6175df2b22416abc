package eu.vetnet.crdt.struct;

import eu.vetnet.crdt.encoding.UpdateEncoder;
import java.util.Collections;
import java.util.List;

/** An embedded object in rich text (an image, a mention), written as JSON text. */
public final class ContentEmbed implements Content {

    private final Object embed;

    public ContentEmbed(Object embed) {
        this.embed = embed;
    }

    public Object embed() {
        return embed;
    }

    @Override
    public int length() {
        return 1;
    }

    @Override
    public boolean countable() {
        return true;
    }

    @Override
    public List<Object> values() {
        return Collections.singletonList(embed);
    }

    @Override
    public Content copy() {
        return new ContentEmbed(embed);
    }

    @Override
    public Content splice(int offset) {
        throw new UnsupportedOperationException("embed content has length 1");
    }

    @Override
    public boolean mergeWith(Content right) {
        return false;
    }

    @Override
    public void write(UpdateEncoder encoder, int offset) {
        encoder.writeJson(embed);
    }

    @Override
    public int ref() {
        return ContentRefs.EMBED;
    }
}
