-- One user's token bucket, shared by every gateway (RedisTokenBucketRateLimiter).
--
-- KEYS[1]  the bucket: a hash {tokens, at}, tokens left (fractional) at Redis time `at` (milliseconds)
-- ARGV[1]  tokens per second
-- ARGV[2]  burst (the bucket's size)
-- Returns  {1 if a token was taken else 0, whole tokens left}
--
-- A script because reading the bucket, refilling it for the time passed and taking a token must be one step:
-- two gateways serving the same user at once would otherwise both read the same count and both take the last
-- token. Redis runs a script alone, so each call sees the previous one's result.
--
-- The clock is Redis's (TIME), not the gateways': their clocks may differ, Redis's is one. Redis 5+ replicates a
-- script's effects, not the script, so reading TIME before writing is allowed.

local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now

tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- An untouched bucket is full again after burst / rate seconds: then it may as well not exist.
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, math.floor(tokens)}
