using Platform.Grains.Tasks;

namespace Platform.Grains.Tests.Tasks;

public sealed class TaskUidsTests
{
    [Fact]
    public void Every_uid_stays_an_exact_javascript_number()
    {
        var largest = TaskUids.Compose(TaskUids.MaxPrefix, TaskUids.NumbersPerPrefix - 1);
        Assert.True(largest < 1L << 53);
        Assert.Equal(largest, (long)(double)largest);
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 0L)]
    [InlineData(7L, 4_294_967_295L)]
    [InlineData(2_097_151L, 12L)]
    public void A_uid_splits_back_into_its_prefix_and_number(long prefix, long number)
    {
        var uid = TaskUids.Compose(prefix, number);
        Assert.Equal(prefix, TaskUids.PrefixOf(uid));
        Assert.Equal(number, TaskUids.NumberOf(uid));
    }

    [Fact]
    public void A_range_holds_only_its_own_prefix_and_numbers()
    {
        var range = new TaskRange(5, 10, 13);
        Assert.Equal(TaskUids.Compose(5, 12), range.Newest);
        Assert.True(range.Holds(TaskUids.Compose(5, 10)));
        Assert.False(range.Holds(TaskUids.Compose(5, 9)));
        Assert.False(range.Holds(TaskUids.Compose(5, 13)));
        Assert.False(range.Holds(TaskUids.Compose(6, 10)));
        Assert.Null(new TaskRange(5, 3, 3).Newest);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1_000_000, true)]
    [InlineData(1_000_001, false)]
    public void MaxRetained_is_validated_naming_its_key(int value, bool valid)
    {
        var result = new TaskOptionsValidator().Validate(null, new TaskOptions { MaxRetained = value });
        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("Platform:Tasks:MaxRetained", result.FailureMessage, StringComparison.Ordinal);
    }
}
