namespace PanelBot.Calendar.Tests;

public sealed class IcsParameterTests
{
    [Theory]
    [InlineData("Jane", "Jane")]
    [InlineData("Doe, Jane", "\"Doe, Jane\"")]
    [InlineData("Doe; Jane", "\"Doe; Jane\"")]
    [InlineData("Doe: Jane", "\"Doe: Jane\"")]   // unquoted, the colon would end the parameters
    [InlineData("Jörg Müller 😀", "Jörg Müller 😀")]
    public void FormatValue_QuotesOnlyWhenColonSemicolonOrComma(string value, string expected)
    {
        Assert.Equal(expected, IcsParameter.FormatValue(value));
    }

    [Fact]
    public void FormatValue_AlwaysQuote_QuotesPlainValues()
    {
        Assert.Equal("\"Jane\"", IcsParameter.FormatValue("Jane", alwaysQuote: true));
    }

    [Theory]
    [InlineData("say \"hi\"")]
    [InlineData("line\nbreak")]
    [InlineData("cr\rhere")]
    [InlineData("nul\u0000")]
    public void FormatValue_DquoteOrControl_Throws(string value)
    {
        Assert.Throws<ArgumentException>(() => IcsParameter.FormatValue(value));
    }

    [Fact]
    public void ToString_UppercasesNameAndFormatsValue()
    {
        Assert.Equal("CN=\"A, B\"", new IcsParameter("cn", "A, B").ToString());
    }
}
