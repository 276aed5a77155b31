// Every test sees the same local time zone: Paris has an offset and summer time, so conversions show.
module.exports = async () => {
	process.env.TZ = "Europe/Paris";
};
