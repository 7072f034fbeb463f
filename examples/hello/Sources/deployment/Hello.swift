import Batou

/// batou's tutorial: a file that greets.
///
/// `greeting` (String, default "Hello world"): the text of `work/hello/hello`;
/// set it with `[component:hello] greeting = Moin`.
final class Hello: Component {
    @Attribute var greeting = "Hello world"

    override func configure() throws {
        self += File("hello", content: greeting + "\n")
    }
}
