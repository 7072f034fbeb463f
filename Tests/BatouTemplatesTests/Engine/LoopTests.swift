import BatouTemplates
import Testing

@Suite struct LoopTests {
    @Test func loopVariableDescribesThePosition() throws {
        let source = "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}"
            + "{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ loop.cycle('a', 'b') }}|{% endfor %}"
        #expect(try render(source) == "1032TrueFalse3a|2121FalseFalse3b|3210FalseTrue3a|")
    }

    @Test func neighbouringItemsAreUndefinedAtTheEnds() throws {
        let source = "{% for x in [1, 2] %}{{ loop.previtem is defined }}{{ loop.nextitem | default('-') }}{% endfor %}"
        #expect(try render(source) == "False2True-")
    }

    @Test func elseRunsForNoItems() throws {
        #expect(try render("{% for x in [] %}a{% else %}empty{% endfor %}") == "empty")
    }

    @Test func conditionFiltersBeforeCounting() throws {
        #expect(try render("{% for x in [1, 2, 3] if x > 1 %}{{ x }}{{ loop.length }}{% endfor %}") == "2232")
    }

    @Test func unpacksItems() throws {
        #expect(try render("{% for k, v in {'a': 1}.items() %}{{ k }}={{ v }}{% endfor %}") == "a=1")
        #expect(try render("{% for a, (b, c) in [(1, (2, 3))] %}{{ a }}{{ b }}{{ c }}{% endfor %}") == "123")
    }

    @Test func changedComparesWithThePreviousCall() throws {
        #expect(try render("{% for x in [1, 1, 2] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}") == "12")
    }

    @Test func recursiveLoopsRenderChildrenOneLevelDeeper() throws {
        let source = "{% for item in [{'n': 'a', 'c': [{'n': 'b', 'c': []}]}] recursive %}"
            + "<{{ item.n }}{{ loop.depth }}{{ loop(item.c) }}>{% endfor %}"
        #expect(try render(source) == "<a1<b2>>")
    }

    @Test func outerLoopIsReachableThroughAVariable() throws {
        let source = "{% for a in [1, 2] %}{% set outer = loop %}{% for b in [1] %}{{ outer.index }}{{ loop.index }}{% endfor %}{% endfor %}"
        #expect(try render(source) == "1121")
    }
}
