using System.Globalization;
using System.Text;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

public sealed class CatalogFileReaderTests
{
    private const string Header = TestCatalog.Header;
    private const string GoodRow = "OK-1,,Good product,Brand,Kitchen,10.00,1,,,,,";

    private static CatalogReadResult Read(string csv) => new CatalogFileReader().Read(Encoding.UTF8.GetBytes(csv), "catalog.csv");

    [Fact]
    public void A_valid_file_gives_every_product_with_typed_fields()
    {
        var result = Read(TestCatalog.Csv);

        Assert.True(result.IsValid, result.DescribeErrors());
        Assert.Equal(9, result.Entries.Count);
        var toaster = result.Entries.Single(e => e.Sku == "TOAST-2");
        Assert.Equal("4006381333931", toaster.Ean);
        Assert.Equal(new Money(4000), toaster.Price);
        Assert.Equal(5, toaster.Stock);
        Assert.Equal("Crisp toasters", toaster.Family);
        Assert.Equal(1, toaster.Tier);
        Assert.Equal(["CRUMB", "BAG-OUT", "JAM"], toaster.Accessories);
        Assert.Equal(["Browns two slices evenly"], toaster.TalkingPoints);
        Assert.Equal([new("Slots", "2"), new("Power", "800 W"), new("Colour", "White")], toaster.Specs);
        Assert.Equal("Kettle, quiet", result.Entries.Single(e => e.Sku == "KETTLE").Name);
        Assert.Equal(new Money(550), result.Entries.Single(e => e.Sku == "CRUMB").Price);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_optional_ones_may_be_missing()
    {
        var result = Read("price,name,category,stock,sku\n19.9,Ünïcode näme ☕,Misc,3,A.b_c-1\n");

        Assert.True(result.IsValid, result.DescribeErrors());
        var entry = Assert.Single(result.Entries);
        Assert.Equal("A.b_c-1", entry.Sku);
        Assert.Equal("Ünïcode näme ☕", entry.Name);
        Assert.Equal(new Money(1990), entry.Price);
        Assert.Null(entry.Family);
        Assert.Empty(entry.Accessories);
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_and_quotes_and_lines_are_counted_from_where_a_row_starts()
    {
        var csv = "sku,name,category,price,stock\n"
            + "A,\"Say \"\"hi\"\", then leave\",Misc,1.00,1\n"
            + "L,\"Two\nlines\",Misc,1.00,1\n"
            + "B,Bad,Misc,1.00,-1\n";

        var result = Read(csv);

        // A line break inside a quoted field is valid CSV, but not in a product's name: it is refused, and the next
        // row's line is counted from where that row starts.
        Assert.Equal([(3, "name"), (5, "stock")], result.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("control character (U+000A)", result.Errors[0].Message);
    }

    [Fact]
    public void A_control_character_in_any_text_field_is_a_bad_row_naming_it()
    {
        var result = Read(Header + "\n" + "NUL-1,,Toa\0ster,Brand,Kitchen,10.00,1,,,,Keeps\u0007ringing,\n");

        Assert.Equal([(2, "name", "contains a control character (U+0000); remove it"), (2, "talking_points", "contains a control character (U+0007); remove it")],
            result.Errors.Select(e => (e.Line, e.Column, e.Message)));
    }

    [Fact]
    public void A_field_longer_than_any_valid_one_is_a_bad_row_and_no_message_repeats_it()
    {
        var longName = new string('x', CatalogLimits.MaxFieldLength + 1);
        var longSku = new string('S', 5_000);

        var result = Read(Header + "\n" + $"LONG-1,,{longName},Brand,Kitchen,10.00,1,,,,,\n" + $"{longSku},,Ok,Brand,Kitchen,10.00,1,,,,,\n");

        Assert.Equal(2, result.Errors.Count);
        Assert.Equal((2, "name", $"is longer than {CatalogLimits.MaxFieldLength} characters"), (result.Errors[0].Line, result.Errors[0].Column, result.Errors[0].Message));
        Assert.Equal((3, "sku"), (result.Errors[1].Line, result.Errors[1].Column));
        Assert.StartsWith("'" + new string('S', ShortText.QuotedLength) + "…'", result.Errors[1].Message);
        Assert.True(result.DescribeErrors().Length < 1_000, $"{result.DescribeErrors().Length} characters of messages");
    }

    [Fact]
    public void A_huge_file_on_one_line_gives_a_short_message()
    {
        var result = Read(new string('z', 1_000_000));

        Assert.True(result.DescribeErrors().Length < 1_000, $"{result.DescribeErrors().Length} characters of messages");
        Assert.Contains(result.Errors, e => e.Column is { Length: <= ShortText.QuotedLength + 1 } column && column.EndsWith('…'));
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "\n" + GoodRow + "\n")).ToArray();

        var result = new CatalogFileReader().Read(bytes, "bom.csv");

        Assert.True(result.IsValid, result.DescribeErrors());
    }

    public static TheoryData<string, string, int, string?, string> BadRows => new()
    {
        // name of the case, the bad row, its expected line, column, and a word of the message
        { "missing sku", ",,Name,B,Cat,1.00,1,,,,,", 3, "sku", "required" },
        { "sku with a space", "BAD SKU,,Name,B,Cat,1.00,1,,,,,", 3, "sku", "must be 1–64" },
        { "sku too long", new string('A', 65) + ",,Name,B,Cat,1.00,1,,,,,", 3, "sku", "must be 1–64" },
        { "duplicate sku", "OK-1,,Again,B,Cat,1.00,1,,,,,", 3, "sku", "already used on line 2" },
        { "duplicate sku in another case", "ok-1,,Again,B,Cat,1.00,1,,,,,", 3, "sku", "already used on line 2" },
        { "ean check digit", "E-1,4006381333932,Name,B,Cat,1.00,1,,,,,", 3, "ean", "check digit" },
        { "ean length", "E-1,123456,Name,B,Cat,1.00,1,,,,,", 3, "ean", "8 or 13 digits" },
        { "ean letters", "E-1,40063813339AB,Name,B,Cat,1.00,1,,,,,", 3, "ean", "8 or 13 digits" },
        { "missing name", "N-1,,,B,Cat,1.00,1,,,,,", 3, "name", "required" },
        { "name too long", "N-1,," + new string('n', 201) + ",B,Cat,1.00,1,,,,,", 3, "name", "at most 200" },
        { "brand too long", "N-1,,Name," + new string('b', 101) + ",Cat,1.00,1,,,,,", 3, "brand", "at most 100" },
        { "missing category", "C-1,,Name,B,,1.00,1,,,,,", 3, "category", "required" },
        { "category too long", "C-1,,Name,B," + new string('c', 101) + ",1.00,1,,,,,", 3, "category", "at most 100" },
        { "missing price", "P-1,,Name,B,Cat,,1,,,,,", 3, "price", "required" },
        { "comma decimal separator", "P-1,,Name,B,Cat,\"1,50\",1,,,,,", 3, "price", "'.' as the decimal separator" },
        { "negative price", "P-1,,Name,B,Cat,-1.00,1,,,,,", 3, "price", "0 or more" },
        { "three decimals", "P-1,,Name,B,Cat,1.505,1,,,,,", 3, "price", "more than 2 decimals" },
        { "price with currency", "P-1,,Name,B,Cat,€1.50,1,,,,,", 3, "price", "not a price" },
        { "missing stock", "S-1,,Name,B,Cat,1.00,,,,,,", 3, "stock", "required" },
        { "negative stock", "S-1,,Name,B,Cat,1.00,-2,,,,,", 3, "stock", "whole number" },
        { "fractional stock", "S-1,,Name,B,Cat,1.00,1.5,,,,,", 3, "stock", "whole number" },
        { "family without tier", "F-1,,Name,B,Cat,1.00,1,Fam,,,,", 3, "tier", "required when 'family'" },
        { "tier zero", "F-1,,Name,B,Cat,1.00,1,Fam,0,,,", 3, "tier", "1 or more" },
        { "tier without family", "F-1,,Name,B,Cat,1.00,1,,2,,,", 3, "tier", "'family' is empty" },
        { "unknown accessory", "A-1,,Name,B,Cat,1.00,1,,,NOPE,,", 3, "accessories", "'NOPE'" },
        { "accessory is the product itself", "A-1,,Name,B,Cat,1.00,1,,,A-1,,", 3, "accessories", "itself" },
        { "accessory listed twice", "A-1,,Name,B,Cat,1.00,1,,,OK-1|OK-1,,", 3, "accessories", "twice" },
        { "six talking points", "T-1,,Name,B,Cat,1.00,1,,,,a|b|c|d|e|f,", 3, "talking_points", "at most 5" },
        { "empty talking point", "T-1,,Name,B,Cat,1.00,1,,,,a||c,", 3, "talking_points", "1–200" },
        { "talking point too long", "T-1,,Name,B,Cat,1.00,1,,,," + new string('t', 201) + ",", 3, "talking_points", "1–200" },
        { "spec without colon", "X-1,,Name,B,Cat,1.00,1,,,,,Slots 4", 3, "specs", "'Slots 4'" },
        { "spec without value", "X-1,,Name,B,Cat,1.00,1,,,,,Slots:", 3, "specs", "Key: Value" },
        { "too few fields", "X-1,,Name,B,Cat,1.00", 3, null, "number of fields" },
        { "stray quote", "X-1,,Name \"big\" one\"x,B,Cat,1.00,1,,,,,", 3, null, "quote" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_is_reported_with_its_line_column_and_reason(string @case, string badRow, int line, string? column, string messagePart)
    {
        var result = Read(Header + "\n" + GoodRow + "\n" + badRow + "\n");

        Assert.False(result.IsValid, @case);
        Assert.Empty(result.Entries);
        Assert.Contains(result.Errors, e => e.Line == line && e.Column == column && e.Message.Contains(messagePart, StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_rows_reason_is_in_the_language_of_whoever_reads_the_file_and_its_column_stays_the_files()
    {
        var csv = Header + "\n" + GoodRow + "\n" + ",,Name,B,Cat,1.00,1,,,,,\n" + "S-1,,Name,B,Cat,1.00,-2,,,,,\n";
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("pl");
        try
        {
            var result = Read(csv);

            Assert.Equal([(3, "sku", "pole jest wymagane"), (4, "stock", "'-2' musi być liczbą całkowitą nie mniejszą niż 0")],
                result.Errors.Select(e => (e.Line, e.Column, e.Message)));
            Assert.Equal("wiersz 3, kolumna 'sku': pole jest wymagane", result.Errors[0].ToString());
            Assert.StartsWith("Nie wczytano pliku katalogu „catalog.csv”: znaleziono 2 problemy, nic nie zapisano.", result.DescribeErrors());
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }

    [Theory]
    [InlineData("en", 1, "1 problem found")]
    [InlineData("en", 5, "5 problems found")]
    [InlineData("pl", 1, "znaleziono 1 problem,")]
    [InlineData("pl", 22, "znaleziono 22 problemy,")]
    [InlineData("pl", 25, "znaleziono 25 problemów,")]
    public void The_count_of_problems_takes_the_languages_plural_form(string language, int count, string expected)
    {
        var result = new CatalogReadResult("catalog.csv", [], Enumerable.Range(2, count).Select(line => new CatalogFileError(line, null, "x")).ToList());
        var ui = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            Assert.Contains(expected, result.DescribeErrors(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public void Every_bad_row_is_reported_not_only_the_first()
    {
        var csv = Header + "\n"
            + GoodRow + "\n"
            + "B-1,,Name,B,Cat,1,50,1,,,,,\n"
            + "B-2,4006381333932,Name,B,Cat,1.00,1,,,,,\n"
            + "OK-1,,Dup,B,Cat,1.00,1,,,,,\n"
            + "B-4,,Name,B,Cat,abc,x,,,,,\n";

        var result = Read(csv);

        Assert.Equal(
            [(3, null), (4, "ean"), (5, "sku"), (6, "price"), (6, "stock")],
            result.Errors.Select(e => (e.Line, e.Column)).ToArray());
        var message = result.DescribeErrors();
        Assert.Contains("catalog.csv", message);
        Assert.Contains("line 6, column 'stock'", message);
    }

    [Fact]
    public void Two_products_with_the_same_tier_of_a_family_are_refused()
    {
        var result = Read(Header + "\nA,,A,B,Cat,1.00,1,Fam,1,,,\nB,,B,B,Cat,2.00,1,fam,1,,,\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "tier"), (error.Line, error.Column));
        Assert.Contains("already used on line 2", error.Message);
    }

    [Fact]
    public void Two_products_with_the_same_ean_are_refused()
    {
        var result = Read(Header + "\nA,4006381333931,A,B,Cat,1.00,1,,,,,\nB,4006381333931,B,B,Cat,2.00,1,,,,,\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "ean"), (error.Line, error.Column));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var result = Read("");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void A_header_without_rows_is_refused()
    {
        var result = Read(Header + "\n");

        Assert.Contains("no product rows", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_wrong_header_names_the_unknown_and_the_missing_columns()
    {
        var result = Read("sku,title,category,cost,stock\nA,Name,Cat,1.00,1\n");

        Assert.All(result.Errors, e => Assert.Equal(1, e.Line));
        Assert.Equal(
            ["cost", "name", "price", "title"],
            result.Errors.Select(e => e.Column!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_file_with_a_semicolon_separator_is_refused_at_the_header()
    {
        var result = Read("sku;name;category;price;stock\nA;Name;Cat;1,00;1\n");

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_with_their_line()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "\n" + GoodRow + "\nC-1,,Caffè,B,Cat,1.00,1,,,,,\n");

        var result = new CatalogFileReader().Read(latin1, "latin1.csv");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("UTF-8", error.Message);
    }
}
