package eu.vetnet.identity.directory;

import eu.vetnet.identity.admin.DirectoryPerson;
import eu.vetnet.identity.admin.UserDirectory;
import eu.vetnet.identity.api.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/directory/people}: the people a facilitator may invite to a room (docs/identity.md, "People
 * directory"). Facilitators and admins only; the same directory as the admin API, read only.
 */
@RestController
@RequestMapping("/api/directory/people")
class PeopleDirectoryController {

    /** Shortest search text: one letter would list the whole platform a page at a time. */
    static final int MIN_SEARCH = 2;
    static final int MAX_RESULTS = 20;
    static final int MAX_LOOKUP = 200;

    private final UserDirectory directory;

    PeopleDirectoryController(UserDirectory directory) {
        this.directory = directory;
    }

    /** {@code ?q=ann}: people whose username, name or e-mail contains the text, at most 20. */
    @GetMapping(params = "q")
    List<DirectoryPerson> search(@RequestParam String q) {
        String text = q.strip();
        if (text.length() < MIN_SEARCH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the search is too short", "type at least " + MIN_SEARCH + " characters of a name, username or e-mail");
        }
        return directory.search(text, MAX_RESULTS);
    }

    /** {@code ?entry=fabio&entry=<id>}: the people named by these usernames or ids (as a room's access list holds them); unknown ones are left out. */
    @GetMapping(params = "entry")
    List<DirectoryPerson> lookup(@RequestParam List<String> entry) {
        if (entry.size() > MAX_LOOKUP) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "too many people asked for at once", "look up at most " + MAX_LOOKUP + " people at a time");
        }
        return directory.lookup(entry);
    }

}
