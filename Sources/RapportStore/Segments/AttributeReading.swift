/// How a custom attribute is read in SQL: as one type, or its type alone (to test presence).
enum AttributeReading {
    case text, number, boolean, any
}
