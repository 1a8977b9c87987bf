// Typographic quotes and apostrophes as a reporter types in the body: " becomes “ or ” and
// ' becomes ‘ or ’, by what comes before. django-prose-editor 0.28 does not bundle Tiptap's
// Typography extension, so these are its quote rules (MIT), built on the editor's own
// textInputRule; Ctrl/Cmd+Z right after a replacement gives the straight mark back.
// Loaded by the editor as an extension module (DJANGO_PROSE_EDITOR_EXTENSIONS in settings).
import { Extension, textInputRule } from "django-prose-editor/editor";

// An opening mark follows the start of a line, a space, a bracket, a dash or another mark.
const OPENS = "(?:^|[\\s{[(<'\"\\u2018\\u201C\\u2013\\u2014])";

export const Typography = Extension.create({
  name: "typography",
  addInputRules() {
    return [
      textInputRule({ find: new RegExp(OPENS + '(")$'), replace: "\u201C" }),
      textInputRule({ find: /"$/, replace: "\u201D" }),
      textInputRule({ find: new RegExp(OPENS + "(')$"), replace: "\u2018" }),
      textInputRule({ find: /'$/, replace: "\u2019" }),
    ];
  },
});
